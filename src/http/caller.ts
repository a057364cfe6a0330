import type { IncomingMessage } from "node:http";
import type { Caller } from "../auth/roles.js";
import type { TokenRegistry } from "../auth/token-registry.js";
import type { Middleware } from "./middleware-chain.js";

const callers = new WeakMap<IncomingMessage, Caller>();

/**
 * Works out who sent each request from its Authorization header (hashing and comparing the token in
 * constant time) before anything else looks at it; the token itself is kept nowhere.
 */
export function authenticate(registry: TokenRegistry): Middleware {
  return (req, _res, next) => {
    callers.set(req, registry.callerFor(req.headers.authorization));
    next();
  };
}

/** Who sent the request, as authenticate() found; anonymous when it did not run. */
export function callerOf(req: IncomingMessage): Caller {
  return callers.get(req) ?? { kind: "anonymous" };
}

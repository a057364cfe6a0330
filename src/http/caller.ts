import type { Request, RequestHandler } from "express";
import type { Caller } from "../auth/roles.js";
import type { TokenRegistry } from "../auth/token-registry.js";

const callers = new WeakMap<Request, Caller>();

/**
 * Works out who sent each request from its Authorization header (hashing and comparing the token in
 * constant time) before anything else looks at it; the token itself is kept nowhere.
 */
export function authenticate(registry: TokenRegistry): RequestHandler {
  return (req, _res, next) => {
    callers.set(req, registry.callerFor(req.headers.authorization));
    next();
  };
}

/** Who sent the request, as authenticate() found; anonymous when it did not run. */
export function callerOf(req: Request): Caller {
  return callers.get(req) ?? { kind: "anonymous" };
}

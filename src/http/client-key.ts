import type { IncomingMessage } from "node:http";
import { callerOf } from "./caller.js";

/**
 * Whom a request is counted against for rate limiting: the principal of a verified token
 * (`principal:<id>`), so one user is one bucket whatever address they call from; otherwise the
 * client's address.
 */
export function clientKeyFor(req: IncomingMessage & { readonly ip?: string }): string {
  const caller = callerOf(req);
  if (caller.kind === "principal") return `principal:${caller.principal.id}`;
  return `ip:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
}

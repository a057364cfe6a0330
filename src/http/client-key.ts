import type { Request } from "express";

/**
 * Whom a request is counted against for rate limiting. Today the client's address; once requests carry
 * a verified token, its principal (`principal:<id>`) will take precedence so one user is one bucket
 * whatever address they call from.
 */
export function clientKeyFor(req: Request): string {
  return `ip:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
}

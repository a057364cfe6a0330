import type { Response } from "express";

/** Sends a GraphQL-shaped JSON error, `{ errors: [{ message, extensions: { code, ...details } }] }`. */
export function sendJsonError(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).type("application/json").send(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}

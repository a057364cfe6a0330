import type { ServerResponse } from "node:http";

/** Sends a GraphQL-shaped JSON error, `{ errors: [{ message, extensions: { code, ...details } }] }`. */
export function sendJsonError(res: ServerResponse, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
}

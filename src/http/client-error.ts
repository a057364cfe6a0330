import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** How Node's own HTTP parser refusals are answered: status, code and message, as every other error is. */
function refusalFor(code: string | undefined): { status: number; code: string; message: string } {
  if (code === "HPE_HEADER_OVERFLOW") {
    return { status: 431, code: "REQUEST_HEADER_FIELDS_TOO_LARGE", message: "The request's headers or URL are too large; send a long query in a POST body" };
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return { status: 408, code: "REQUEST_TIMEOUT", message: "The request did not arrive in time" };
  return { status: 400, code: "BAD_REQUEST", message: "The request is not valid HTTP" };
}

/**
 * Answers a request that Node could not parse (headers or URL over the size limit, malformed HTTP, a
 * client too slow to send its headers) with a GraphQL-shaped JSON error instead of Node's bare status
 * line, then closes the connection. A socket that can no longer be written to is destroyed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || error.code === "ECONNRESET" || response?.headersSent === true) {
    socket.destroy();
    return;
  }
  const refusal = refusalFor(error.code);
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  // Written, then the connection is torn down as Node itself does: a client still dripping bytes must not hold it open.
  socket.write(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ""}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
    () => socket.destroy(),
  );
}

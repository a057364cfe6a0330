import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { sendJsonError } from "./json-error.js";
import { requestLogOf } from "./request-log.js";

/** The body-parser failure types that are the client's doing, with the status and code they answer. */
const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  "entity.parse.failed": { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON" },
  "entity.too.large": { status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large" },
  "entity.verify.failed": { status: 400, code: "BAD_REQUEST", message: "The request body could not be verified" },
  "request.aborted": { status: 400, code: "BAD_REQUEST", message: "The request was aborted before its body arrived" },
  "request.size.invalid": { status: 400, code: "BAD_REQUEST", message: "The request body is shorter or longer than its Content-Length" },
  "stream.encoding.set": { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" },
  "charset.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "The request body's charset is not supported; send UTF-8 JSON" },
  "encoding.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "The request body's content encoding is not supported; send identity, gzip, deflate or br" },
};

/** The JSON 404 for any route the service does not have. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendJsonError(res, 404, "NOT_FOUND", `No route for ${req.method} ${req.path.slice(0, 80)}`);
};

/**
 * The catch-all error handler: body-parser failures become 400/413/415 with a code, any other client
 * error (4xx) keeps its status as BAD_REQUEST; anything else is logged with its cause and answered as a
 * plain 500. Never HTML, never a stack, in every NODE_ENV. A response already under way is cut off.
 */
export function requestErrorAnswer(options: { maxBodyBytes: number; logger: Logger }): (err: unknown, req: IncomingMessage, res: ServerResponse) => void {
  return (err, req, res) => {
    const requestId = requestLogOf(req).id;
    if (res.headersSent) {
      options.logger.error({ requestId, err }, "request failed after its response started");
      req.socket.destroy();
      return;
    }
    const e = (err ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
    const known = typeof e.type === "string" ? BODY_ERRORS[e.type] : undefined;
    const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : 500;
    if (known !== undefined && known.status < 500) {
      const details = known.status === 413 ? { limit: options.maxBodyBytes } : {};
      options.logger.info({ requestId, errorType: e.type, status: known.status }, "request refused");
      sendJsonError(res, known.status, known.code, known.status === 413 ? `${known.message}: at most ${options.maxBodyBytes} bytes` : known.message, details);
      return;
    }
    if (known === undefined && status >= 400 && status < 500) {
      options.logger.info({ requestId, status }, "request refused");
      sendJsonError(res, status, "BAD_REQUEST", "The request could not be understood");
      return;
    }
    options.logger.error({ requestId, err }, "request failed");
    sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  };
}

/** requestErrorAnswer as Express's error handler. */
export function jsonErrorHandler(options: { maxBodyBytes: number; logger: Logger }): ErrorRequestHandler {
  const answer = requestErrorAnswer(options);
  return (err: unknown, req, res, _next) => answer(err, req, res);
}

import type { Middleware } from "./middleware-chain.js";

/** The Content-Types read here: JSON in UTF-8, the only charset a GraphQL client sends. */
const PLAIN_JSON = /^application\/json(?:;\s*charset=utf-8)?$/i;

/** A body-parser-shaped failure, so the error handler answers it exactly as it answers body-parser's own. */
function bodyError(type: "entity.parse.failed" | "request.aborted", message: string): Error & { type: string; status: number } {
  return Object.assign(new Error(message), { type, status: 400 });
}

/**
 * Sets req.body from a plain JSON request body (application/json in UTF-8, not compressed, with a Content-Length
 * within `limitBytes`), as body-parser's strict JSON parser would: a leading BOM dropped, only an object or an
 * array accepted. Every other request, however odd, goes to `fallback` (body-parser itself), so each of its
 * refusals (413, 415, a bad charset or encoding) stays its own; this spares the common case its general
 * machinery (media-type and charset parsing, a decoding stream per request).
 */
export function jsonBody(limitBytes: number, fallback: Middleware): Middleware {
  return (req, res, next) => {
    const { headers } = req;
    const length = Number(headers["content-length"]);
    const plain =
      PLAIN_JSON.test(headers["content-type"] ?? "") &&
      headers["content-encoding"] === undefined &&
      headers["transfer-encoding"] === undefined &&
      Number.isInteger(length) &&
      length > 0 &&
      length <= limitBytes;
    if (!plain) {
      fallback(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let settled = false;
    const fail = (): void => {
      if (settled) return;
      settled = true;
      next(bodyError("request.aborted", "request aborted"));
    };
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("aborted", fail);
    req.once("error", fail);
    req.once("end", () => {
      if (settled) return;
      settled = true;
      let text = Buffer.concat(chunks).toString("utf8");
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const first = text.trimStart()[0];
      if (first !== "{" && first !== "[") {
        next(bodyError("entity.parse.failed", "the body is not a JSON object or array"));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        next(bodyError("entity.parse.failed", (error as Error).message));
        return;
      }
      (req as typeof req & { body?: unknown }).body = body;
      next();
    });
  };
}

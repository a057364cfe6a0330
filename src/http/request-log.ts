import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { Middleware } from "./middleware-chain.js";
import { requestIdFor } from "./request-id.js";

/** What the GraphQL layer adds to its request's line. */
export interface OperationLogFields {
  readonly operationName: string | null;
  /** The verified principal's id; never the token. */
  readonly principal: string | null;
  readonly errorCodes: readonly unknown[];
}

/** One request's log line: its id from the start, what the GraphQL layer adds, written once the response has gone. */
export interface RequestLog {
  readonly id: string;
  operation: OperationLogFields | null;
}

const logs = new WeakMap<IncomingMessage, RequestLog>();

/**
 * Gives every request its id (the caller's X-Request-Id when plain, echoed back, else a fresh UUID) and writes
 * one line per request when its response has gone: method, URL, status, response time in ms and, for a GraphQL
 * operation, its name, principal and error codes (message "graphql", else "request completed"). Failures of the
 * service itself (5xx) are logged at error, everything else at info.
 */
export function requestLogMiddleware(logger: Logger): Middleware {
  return (req, res, next) => {
    const started = performance.now();
    // Taken now: Express rewrites req.url inside mounted routers.
    const { method, url } = req;
    const log: RequestLog = { id: requestIdFor(req), operation: null };
    logs.set(req, log);
    res.setHeader("x-request-id", log.id);
    res.once("close", () => {
      const line = {
        req: { id: log.id, method, url },
        res: { statusCode: res.statusCode },
        responseTime: Math.round((performance.now() - started) * 10) / 10,
        ...log.operation,
      };
      if (res.statusCode >= 500) logger.error(line, log.operation === null ? "request errored" : "graphql");
      else logger.info(line, log.operation === null ? "request completed" : "graphql");
    });
    next();
  };
}

/** The log of a request that requestLogMiddleware saw; a fresh one, with a fresh id, for any other. */
export function requestLogOf(req: IncomingMessage): RequestLog {
  let log = logs.get(req);
  if (log === undefined) {
    log = { id: requestIdFor(req), operation: null };
    logs.set(req, log);
  }
  return log;
}

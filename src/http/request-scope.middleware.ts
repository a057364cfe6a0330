import type { RequestLimits } from "../config/config.js";
import { RequestScope, runInRequestScope } from "../store/request-scope.js";
import type { Middleware } from "./middleware-chain.js";

/**
 * Runs the rest of the request inside a RequestScope with its deadline and read-slot limit. Mount it
 * after the body parser: stream callbacks would otherwise run outside the scope.
 */
export function requestScopeMiddleware(limits: RequestLimits): Middleware {
  return (_req, res, next) => {
    const scope = new RequestScope(limits.timeoutMs, limits.maxConcurrentReads);
    res.once("close", () => scope.end());
    runInRequestScope(scope, next);
  };
}

import { MIN_REQUEST_CHARGE } from "../graphql/limits/field-costs.js";
import { clientKeyFor } from "./client-key.js";
import { sendJsonError } from "./json-error.js";
import type { Middleware } from "./middleware-chain.js";
import { rateLimitHeaders, type CostRateLimiter } from "./rate-limit.js";

/**
 * Charges every /graphql request MIN_REQUEST_CHARGE points before anything else runs (the operation's cost beyond that
 * is charged once it is known), sets the RateLimit-* headers, and answers 429 RATE_LIMITED with
 * Retry-After when the client's bucket is empty.
 */
export function rateLimitMiddleware(limiter: CostRateLimiter, windowSeconds: number): Middleware {
  return (req, res, next) => {
    limiter.charge(clientKeyFor(req), MIN_REQUEST_CHARGE).then((state) => {
      for (const [name, value] of rateLimitHeaders(state, windowSeconds)) res.setHeader(name, value);
      if (state.allowed) {
        next();
        return;
      }
      sendJsonError(res, 429, "RATE_LIMITED", `Too many requests: the budget of ${state.limit} cost points per ${windowSeconds} s is spent; retry in ${state.resetSeconds} s`, {
        retryAfterSeconds: state.resetSeconds,
      });
    }, next);
  };
}

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitSettings } from "../config/config.js";

/** A client's bucket after a charge: whether the charge fitted, and what the RateLimit-* headers say. */
export interface RateLimitState {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window ends and the bucket is full again. */
  readonly resetSeconds: number;
}

/** Charges cost points to a client's bucket; null when rate limiting is turned off. */
export interface CostRateLimiter {
  charge(clientKey: string, points: number): Promise<RateLimitState>;
}

/** A per-client bucket of `points` that refills every `windowSeconds` (rate-limiter-flexible, in memory). */
export function createCostRateLimiter(settings: RateLimitSettings): CostRateLimiter | null {
  if (!settings.enabled) return null;
  const limiter = new RateLimiterMemory({ points: settings.points, duration: settings.windowSeconds });
  const stateOf = (res: RateLimiterRes, allowed: boolean): RateLimitState => ({
    allowed,
    limit: settings.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  return {
    async charge(clientKey, points) {
      if (points <= 0) {
        const current = await limiter.get(clientKey);
        return current === null ? { allowed: true, limit: settings.points, remaining: settings.points, resetSeconds: settings.windowSeconds } : stateOf(current, true);
      }
      try {
        return stateOf(await limiter.consume(clientKey, points), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return stateOf(rejection, false);
        throw rejection;
      }
    },
  };
}

/** The IETF draft RateLimit-* headers (and Retry-After when refused) for a bucket state. */
export function rateLimitHeaders(state: RateLimitState, windowSeconds: number): [string, string][] {
  const headers: [string, string][] = [
    ["ratelimit-limit", String(state.limit)],
    ["ratelimit-remaining", String(state.remaining)],
    ["ratelimit-reset", String(state.resetSeconds)],
    ["ratelimit-policy", `${state.limit};w=${windowSeconds}`],
  ];
  if (!state.allowed) headers.push(["retry-after", String(state.resetSeconds)]);
  return headers;
}

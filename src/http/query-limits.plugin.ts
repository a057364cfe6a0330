import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { GraphQLError, type GraphQLErrorExtensions } from "graphql";
import type { QueryLimits } from "../config/config.js";
import { RequestLimitError } from "../errors/app-errors.js";
import type { GraphContext } from "../graphql/graph-context.js";
import { MIN_REQUEST_CHARGE } from "../graphql/limits/field-costs.js";
import { actualQueryCost, queryCost } from "../graphql/limits/query-cost.js";
import { rateLimitHeaders, type CostRateLimiter, type RateLimitState } from "./rate-limit.js";

export interface QueryLimitsOptions {
  readonly limits: QueryLimits;
  /** Null when rate limiting is off. */
  readonly limiter: CostRateLimiter | null;
  readonly windowSeconds: number;
}

/** What a response reports about its cost in `extensions.cost`. */
interface CostReport {
  requested: number | null;
  /** The same rules over the sizes the response really had; present only where it differs from requested. */
  actual?: number;
  limit: number;
  remaining?: number;
}

/** A refusal as the GraphQLError Apollo sends, with the HTTP status (and headers) it answers with. */
function refusal(error: RequestLimitError, status: number, headers: [string, string][] = []): GraphQLError {
  // Apollo reads extensions.http (status and a HeaderMap) and strips it before the response is sent.
  const http = { status, headers: new HeaderMap(headers) };
  return new GraphQLError(error.message, { originalError: error, extensions: { http } as unknown as GraphQLErrorExtensions });
}

/**
 * Prices every operation before it runs and refuses it when it is over budget (QUERY_TOO_COMPLEX, 400)
 * or when the client's rate-limit bucket cannot pay for it (RATE_LIMITED, 429 with Retry-After).
 * Every response gets `extensions.cost` (graphql-handler.ts then holds it to the response size limit).
 */
export function queryLimitsPlugin(options: QueryLimitsOptions): ApolloServerPlugin<GraphContext> {
  const { limits, limiter, windowSeconds } = options;
  return {
    async requestDidStart() {
      const report: CostReport = { requested: null, limit: limits.maxCost };
      let bucket: RateLimitState | null = null;
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<GraphContext>) {
          let cost: number;
          try {
            cost = queryCost(ctx.schema, ctx.document!, ctx.request.variables, ctx.operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation: execution refuses them before any resolver runs.
            return;
          }
          report.requested = Number.isFinite(cost) ? cost : null;
          if (cost > limits.maxCost) {
            const shown = Number.isFinite(cost) ? String(cost) : "beyond counting";
            throw refusal(
              new RequestLimitError("QUERY_TOO_COMPLEX", `The query costs ${shown}, over the limit of ${limits.maxCost}; ask for smaller pages or fewer fields`, {
                cost: report.requested,
                limit: limits.maxCost,
              }),
              400,
            );
          }
          if (limiter === null) return;
          // The request already paid MIN_REQUEST_CHARGE on arrival (rate-limit.middleware.ts).
          bucket = await limiter.charge(ctx.contextValue.clientKey, Math.max(0, cost - MIN_REQUEST_CHARGE));
          report.remaining = bucket.remaining;
          const headers = rateLimitHeaders(bucket, windowSeconds);
          for (const [name, value] of headers) ctx.response.http.headers.set(name, value);
          if (!bucket.allowed) {
            throw refusal(
              new RequestLimitError("RATE_LIMITED", `Too many requests: this query costs ${cost} and the budget of ${bucket.limit} points per ${windowSeconds} s is spent; retry in ${bucket.resetSeconds} s`, {
                cost,
                retryAfterSeconds: bucket.resetSeconds,
              }),
              429,
              headers,
            );
          }
        },
        async willSendResponse(ctx) {
          const { response } = ctx;
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const actual = actualCostOf(ctx, result.data);
          if (actual !== null && actual !== report.requested) report.actual = actual;
          result.extensions = { ...result.extensions, cost: { ...report } };
        },
      };
    },
  };
}

/** The executed operation's actual cost, or null when there is nothing to measure (no data, or no parsed document). */
function actualCostOf(ctx: GraphQLRequestContext<GraphContext>, data: unknown): number | null {
  if (ctx.document === undefined || data === null || typeof data !== "object") return null;
  try {
    return actualQueryCost(ctx.schema, ctx.document, ctx.request.variables, ctx.operationName ?? undefined, data as Record<string, unknown>);
  } catch {
    // Accounting never fails a response: the requested cost still stands.
    return null;
  }
}

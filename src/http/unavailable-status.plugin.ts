import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphContext } from "../graphql/graph-context.js";

/** Codes that mean "the service could not answer now", not "the request is wrong". */
const RETRYABLE_CODES = new Set(["SERVICE_UNAVAILABLE", "TIMEOUT"]);

/** Seconds a client is told to wait before retrying. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * Answers HTTP 503 with Retry-After when a response has no data and every error is SERVICE_UNAVAILABLE
 * or TIMEOUT: an outage or an overrun is a server condition, and the GraphQL-over-HTTP spec lets a
 * response without data use a 5xx status. Partial answers keep 200.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (data !== null && data !== undefined) return;
          if (errors === undefined || errors.length === 0) return;
          if (!errors.every((e) => RETRYABLE_CODES.has(String(e.extensions?.["code"])))) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

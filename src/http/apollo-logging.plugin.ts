import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphContext } from "../graphql/graph-context.js";
import { isExpectedError } from "../graphql/error-formatter.js";

/** Logs each GraphQL operation with its name, duration and error codes; unexpected errors with their stack. */
export function apolloLoggingPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isExpectedError(error.originalError ?? error) || error.extensions?.["code"] === "GRAPHQL_VALIDATION_FAILED" || error.extensions?.["code"] === "GRAPHQL_PARSE_FAILED") continue;
            const original = unwrapResolverError(error.originalError ?? error);
            contextValue.logger.error({ err: original, path: error.path, requestId: contextValue.requestId }, "GraphQL operation failed");
          }
        },
        async willSendResponse({ contextValue, operationName, errors }) {
          contextValue.logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errorCodes: (errors ?? []).map((e) => e.extensions?.["code"] ?? "INTERNAL_SERVER_ERROR"),
            },
            "graphql",
          );
        },
      };
    },
  };
}

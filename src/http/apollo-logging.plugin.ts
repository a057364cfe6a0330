import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphContext } from "../graphql/graph-context.js";
import { formatGraphError, isClientErrorCode } from "../graphql/error-formatter.js";

/**
 * Logs each GraphQL operation with its name, duration and error codes at info; only errors the client
 * did not cause (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE) are logged at error, with their stack.
 */
export function apolloLoggingPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = formatGraphError(error.toJSON(), error).extensions?.["code"];
            if (isClientErrorCode(code)) continue;
            const original = unwrapResolverError(error.originalError ?? error);
            contextValue.logger.error({ err: original, path: error.path, requestId: contextValue.requestId }, "GraphQL operation failed");
          }
        },
        async willSendResponse({ contextValue, operationName, errors }) {
          contextValue.logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              principal: contextValue.principal,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errorCodes: (errors ?? []).map((e) => formatGraphError(e.toJSON(), e).extensions?.["code"] ?? "INTERNAL_SERVER_ERROR"),
            },
            "graphql",
          );
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { formatGraphError, isClientErrorCode } from "../graphql/error-formatter.js";
import type { HttpGraphContext } from "./http-graph-context.js";

/**
 * Adds each GraphQL operation's name, principal and error codes to its request's log line (request-log.ts);
 * errors the client did not cause (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE) get a line of their own at
 * error, with their stack.
 */
export function apolloLoggingPlugin(): ApolloServerPlugin<HttpGraphContext> {
  return {
    async requestDidStart() {
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
          contextValue.requestLog.operation = {
            operationName: operationName ?? null,
            principal: contextValue.principal,
            errorCodes: (errors ?? []).map((e) => formatGraphError(e.toJSON(), e).extensions?.["code"] ?? "INTERNAL_SERVER_ERROR"),
          };
        },
      };
    },
  };
}

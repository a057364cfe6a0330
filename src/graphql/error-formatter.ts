import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { isAppError } from "../errors/app-errors.js";

const INTERNAL_MESSAGE = "Internal server error";

/** Error codes raised by graphql-js and Apollo themselves that are safe to pass through as they are. */
const PASS_THROUGH_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * The one place errors become client responses: our AppErrors keep their code, message and details;
 * GraphQL's own request errors pass through; anything else is reported as INTERNAL_SERVER_ERROR with a
 * generic message, never a driver message or a stack trace.
 */
export function formatGraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (isAppError(original)) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && PASS_THROUGH_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** True when an error is one the client caused or expected (not worth an error-level log line). */
export function isExpectedError(error: unknown): boolean {
  return isAppError(unwrapResolverError(error)) && (unwrapResolverError(error) as { code: string }).code !== "SERVICE_UNAVAILABLE";
}

import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { isAppError, type AppError } from "../errors/app-errors.js";

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

/** Messages of graphql-js and Apollo errors that carry no code of their own, and the code they deserve. */
const CODED_MESSAGES: readonly { readonly pattern: RegExp; readonly code: string; readonly message?: (m: RegExpExecArray) => string }[] = [
  {
    pattern: /^Syntax Error: Document contains more tha[nt] (\d+) tokens/,
    code: "TOO_MANY_TOKENS",
    message: (m) => `The query has more than ${m[1]} tokens; at most ${m[1]} are allowed`,
  },
  { pattern: /^provided sha does not match query$/, code: "PERSISTED_QUERY_HASH_MISMATCH", message: () => "The persisted query's sha256Hash does not match its query" },
];

/** The longest stretch of client input any error message repeats. */
const MAX_ECHOED_INPUT = 80;
const LONG_QUOTED_INPUT = new RegExp(`"([^"]{${MAX_ECHOED_INPUT + 1},})"`, "g");

/** The AppError behind an error, looking through resolver wrapping and validation wrapping. */
function appErrorBehind(error: unknown): AppError | null {
  let current: unknown = unwrapResolverError(error);
  for (let i = 0; i < 5 && current !== null && current !== undefined; i++) {
    if (isAppError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** A message with any quoted stretch of client input cut to MAX_ECHOED_INPUT characters. */
function clipEchoedInput(message: string): string {
  return message.replace(LONG_QUOTED_INPUT, (_m, inner: string) => `"${inner.slice(0, MAX_ECHOED_INPUT)}…"`);
}

/**
 * The one place errors become client responses: our AppErrors keep their code, message and details;
 * GraphQL's own request errors pass through; anything else is reported as INTERNAL_SERVER_ERROR with a
 * generic message, never a driver message or a stack trace.
 */
export function formatGraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = appErrorBehind(error);
  const base = { message: clipEchoedInput(formatted.message), ...(formatted.locations ? { locations: formatted.locations.slice(0, 5) } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original !== null) {
    return { ...base, message: clipEchoedInput(original.message), extensions: { code: original.code, ...original.details } };
  }
  for (const coded of CODED_MESSAGES) {
    const match = coded.pattern.exec(formatted.message);
    if (match !== null) return { ...base, ...(coded.message ? { message: coded.message(match) } : {}), extensions: { code: coded.code } };
  }
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && PASS_THROUGH_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** True when a formatted error's code says the client caused it (log at info or warn, never error). */
export function isClientErrorCode(code: unknown): boolean {
  return typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && code !== "SERVICE_UNAVAILABLE";
}

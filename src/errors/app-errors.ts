/**
 * The small, closed set of errors the service raises on purpose. Each carries the GraphQL
 * `extensions.code` it maps to; the mapping to GraphQL errors happens in one place
 * (src/graphql/error-formatter.ts), so this module stays free of graphql imports.
 */
export type AppErrorCode = "NOT_FOUND" | "BAD_USER_INPUT" | "SERVICE_UNAVAILABLE" | "TIMEOUT" | "INTERNAL_SERVER_ERROR" | RequestLimitCode;

/** Codes of a request refused before (or instead of) execution because it breaks a limit. */
export type RequestLimitCode =
  | "QUERY_TOO_COMPLEX"
  | "QUERY_TOO_DEEP"
  | "TOO_MANY_ALIASES"
  | "TOO_MANY_DIRECTIVES"
  | "TOO_MANY_TOKENS"
  | "OPERATION_NOT_SUPPORTED"
  | "RATE_LIMITED"
  | "RESPONSE_TOO_LARGE";

export abstract class AppError extends Error {
  abstract readonly code: AppErrorCode;
  /** Extra, client-safe details to expose as GraphQL extensions. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Readonly<Record<string, unknown>> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.details = details;
  }
}

/** A requested entity does not exist. */
export class NotFoundError extends AppError {
  override readonly name = "NotFoundError";
  readonly code = "NOT_FOUND";

  constructor(entity: string, id: string) {
    super(`${entity} "${id}" was not found`, { entity, id });
  }
}

/** A client argument is out of range or malformed; names the argument and what is allowed. */
export class BadUserInputError extends AppError {
  override readonly name = "BadUserInputError";
  readonly code = "BAD_USER_INPUT";

  constructor(argumentName: string, reason: string, allowed?: string) {
    super(`Argument "${argumentName}" ${reason}${allowed === undefined ? "" : ` (allowed: ${allowed})`}`, {
      argumentName,
      ...(allowed === undefined ? {} : { allowed }),
    });
  }
}

/** The graph database cannot be reached or did not answer in time. */
export class ServiceUnavailableError extends AppError {
  override readonly name = "ServiceUnavailableError";
  readonly code = "SERVICE_UNAVAILABLE";

  constructor(message = "The knowledge graph database is unavailable; try again shortly", options?: { cause?: unknown }) {
    super(message, {}, options);
  }
}

/** A request broke one of the service's limits; details say which bound and by how much. */
export class RequestLimitError extends AppError {
  override readonly name = "RequestLimitError";
  readonly code: RequestLimitCode;

  constructor(code: RequestLimitCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message, details);
    this.code = code;
  }
}

/** The request ran past its deadline (REQUEST_TIMEOUT_MS); its remaining work was stopped. */
export class RequestTimeoutError extends AppError {
  override readonly name = "RequestTimeoutError";
  readonly code = "TIMEOUT";

  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`The request did not finish within its ${timeoutMs} ms deadline; ask for less, or try again`, { timeoutMs }, options);
  }
}

/** True for errors raised on purpose by the service. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

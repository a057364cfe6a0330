/**
 * The small, closed set of errors the service raises on purpose. Each carries the GraphQL
 * `extensions.code` it maps to; the mapping to GraphQL errors happens in one place
 * (src/graphql/error-formatter.ts), so this module stays free of graphql imports.
 */
export type AppErrorCode =
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "SERVICE_UNAVAILABLE"
  | "TIMEOUT"
  | "INTERNAL_SERVER_ERROR"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "CURATION_REQUIRES_NEO4J"
  | RequestLimitCode;

/** Codes of a request refused before (or instead of) execution because it breaks a limit. */
export type RequestLimitCode =
  | "QUERY_TOO_COMPLEX"
  | "QUERY_TOO_DEEP"
  | "TOO_MANY_ALIASES"
  | "TOO_MANY_DIRECTIVES"
  | "TOO_MANY_TOKENS"
  | "OPERATION_NOT_SUPPORTED"
  | "RATE_LIMITED"
  | "RESPONSE_TOO_LARGE"
  | "TOO_MANY_MUTATIONS";

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

/**
 * A write the seed validator rejects: names the first offending input field (as seed errors name the
 * file, entry and field) and lists every problem found.
 */
export class InvalidWriteError extends AppError {
  override readonly name = "InvalidWriteError";
  readonly code = "BAD_USER_INPUT";

  constructor(problems: readonly { readonly field: string; readonly reason: string }[]) {
    const first = problems[0] ?? { field: "input", reason: "is invalid" };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s), see problems)` : "";
    super(`Argument "${first.field}" ${first.reason}${more}`, { argumentName: first.field, problems: problems.map((p) => ({ field: p.field, reason: p.reason })) });
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

/** A write came without a valid bearer token. */
export class UnauthenticatedError extends AppError {
  override readonly name = "UnauthenticatedError";
  readonly code = "UNAUTHENTICATED";

  constructor(reason: string) {
    super(`${reason}; writes need the header "Authorization: Bearer <token>" with a curation token`);
  }
}

/** The caller is known but its role may not do this. */
export class ForbiddenError extends AppError {
  override readonly name = "ForbiddenError";
  readonly code = "FORBIDDEN";

  constructor(principal: string, role: string, action: string, allowedRoles: readonly string[]) {
    super(`"${principal}" has the role ${role}, which may not ${action} (allowed: ${allowedRoles.join(", ")})`, { role, allowedRoles: [...allowedRoles] });
  }
}

/** A write named a version of a concept or relation that is no longer the current one. */
export class ConflictError extends AppError {
  override readonly name = "ConflictError";
  readonly code = "CONFLICT";

  constructor(entity: string, id: string, expectedVersion: number, currentVersion: number | null) {
    super(
      currentVersion === null
        ? `${entity} "${id}" changed while this write was checked; read it again and retry`
        : `${entity} "${id}" is at version ${currentVersion}, not the expected ${expectedVersion}; read it again and retry`,
      { entity, id, expectedVersion, ...(currentVersion === null ? {} : { currentVersion }) },
    );
  }
}

/** Curation was asked of the in-process backend, which has no durable place to keep a write. */
export class CurationRequiresNeo4jError extends AppError {
  override readonly name = "CurationRequiresNeo4jError";
  readonly code = "CURATION_REQUIRES_NEO4J";

  constructor() {
    super("Curation needs the Neo4j backend: this server runs on the in-process graph (NEO4J_URI unset), which cannot keep a write durably, so it refuses every mutation");
  }
}

/** True for errors raised on purpose by the service. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

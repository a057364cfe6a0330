import { BadUserInputError } from "../errors/app-errors.js";

/**
 * Opaque keyset cursors: base64url of a small JSON object naming what the cursor belongs to (so a
 * cursor from one ordering cannot be replayed against another) and the key of the last item seen.
 */
export function encodeCursor(scope: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify({ s: scope, k: key }), "utf8").toString("base64url");
}

/** Decodes a cursor for the given scope; throws BAD_USER_INPUT naming the argument when it does not fit. */
export function decodeCursor(argumentName: string, cursor: string, scope: string, keyLength: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadUserInputError(argumentName, "is not a cursor returned by this API");
  }
  const value = parsed as { s?: unknown; k?: unknown };
  if (typeof value !== "object" || value === null || !Array.isArray(value.k) || !value.k.every((x) => typeof x === "string")) {
    throw new BadUserInputError(argumentName, "is not a cursor returned by this API");
  }
  if (value.s !== scope || value.k.length !== keyLength) {
    throw new BadUserInputError(argumentName, "belongs to a different ordering or list; request the first page again");
  }
  return value.k as string[];
}

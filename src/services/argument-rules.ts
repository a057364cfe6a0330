import { BadUserInputError } from "../errors/app-errors.js";

/** Argument checks shared by the services; each failure names the argument and what is allowed. */

/** Returns the value when it is a whole number within [min, max]; otherwise throws BAD_USER_INPUT. */
export function intInRange(argumentName: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argumentName, `must be a whole number from ${min} to ${max}, got ${value}`, `${min}..${max}`);
  }
  return value;
}

/** Returns the trimmed string when its length is within [min, max]; otherwise throws BAD_USER_INPUT. */
export function textOfLength(argumentName: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(argumentName, `must be ${min} to ${max} characters long, got ${trimmed.length}`, `${min}..${max} characters`);
  }
  return trimmed;
}

/** Rejects an explicitly empty list, where an empty list would silently match nothing. */
export function nonEmptyOrNull<T>(argumentName: string, value: readonly T[] | null | undefined): readonly T[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) throw new BadUserInputError(argumentName, "must not be an empty list; omit it to allow all values");
  return [...new Set(value)];
}

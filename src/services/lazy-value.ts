/** A value made on first use and kept: per-request services and loaders that most requests never touch cost nothing. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

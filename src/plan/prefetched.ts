/**
 * Values read ahead by a plan travel on the objects they belong to, under this symbol: a map from
 * the response key (alias or field name) of a field to its finished value. A field resolver finds
 * its value there before it would ask a loader.
 */
export const PREFETCHED: unique symbol = Symbol("prefetched");

export interface WithPrefetched {
  readonly [PREFETCHED]?: ReadonlyMap<string, unknown>;
}

/** The value planned for `key` on `source`, or undefined when the plan did not cover it. */
export function prefetchedValue(source: unknown, key: string): { readonly value: unknown } | undefined {
  if (source === null || typeof source !== "object") return undefined;
  const map = (source as WithPrefetched)[PREFETCHED];
  return map !== undefined && map.has(key) ? { value: map.get(key) } : undefined;
}

/** The object without its planned values, for resolvers that answer outside the plan and may pass their parent on. */
export function withoutPrefetched<T>(source: T): T {
  if (source === null || typeof source !== "object" || !(PREFETCHED in source)) return source;
  const { [PREFETCHED]: _planned, ...plain } = source as T & WithPrefetched;
  return plain as T;
}

import neo4j from "neo4j-driver";

/**
 * Converts driver values to plain JavaScript: Integers to numbers, nodes and relationships to their
 * properties, recursively through lists and maps. Applied to every record at the executor boundary.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`Integer ${value.toString()} is outside the safe JavaScript range`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toNative((value as { properties: Record<string, unknown> }).properties);
  }
  if (typeof value === "object" && value.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNative(v);
    return out;
  }
  return value;
}

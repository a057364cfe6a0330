import { RELATION_TYPES } from "../../domain/relation-type.js";

/** Every relation type, as a relationship type alternative. */
const ANY_RELATION_TYPE = RELATION_TYPES.join("|");

/**
 * A MATCH binding `out` to the relation whose id is the expression `id`, no row when there is none.
 * The types are spelled out: relation ids are indexed per type (the uniqueness constraints), so
 * Neo4j seeks each type's index, while an untyped relationship has no index and would have every
 * concept's relationships walked. Types come from the closed vocabulary; `id` and `out` are fixed
 * identifiers or expressions chosen by the builders.
 */
export function relationByIdMatch(id: string, out: string): string {
  return `MATCH ()-[${out}:${ANY_RELATION_TYPE}]->() WHERE ${out}.id = ${id}`;
}

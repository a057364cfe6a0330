import type { CypherQuery } from "./cypher-query.js";

/** Map projection of a :Tour node bound to `t`, with its steps. */
export const TOUR_MAP = `t {.id, .title, .summary, .audience, .dataset, .position,
  steps: [(t)-[:HAS_STEP]->(s:TourStep) | s {.position, .title, .narrative, .conceptIds, .relationIds, .focusId}]}`;

/** Tours with the given ids, or every tour when ids is null, each with its steps (in no particular order). */
export function toursQuery(ids: readonly string[] | null): CypherQuery {
  return {
    cypher: `MATCH (t:Tour) WHERE $ids IS NULL OR t.id IN $ids RETURN ${TOUR_MAP} AS tour`,
    params: { ids: ids === null ? null : [...ids] },
  };
}

import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, sourceMap } from "./projections.cypher.js";

/** Map projection of a :Source node bound to `s`, with its sections. */
export const SOURCE_MAP = sourceMap("s");

/** Sources with the given ids, or every source when ids is null. */
export function sourcesQuery(ids: readonly string[] | null): CypherQuery {
  return {
    cypher: `MATCH (s:Source) WHERE $ids IS NULL OR s.id IN $ids RETURN ${SOURCE_MAP} AS source`,
    params: { ids: ids === null ? null : [...ids] },
  };
}

/** Concepts mentioned in each of the given sources. */
export function conceptsBySourceIdsQuery(sourceIds: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS sourceId
      MATCH (c:Concept)-[:MENTIONED_IN]->(:Source {id: sourceId})
      WITH DISTINCT sourceId, c
      RETURN sourceId, ${conceptMap("c")} AS concept`,
    params: { ids: [...sourceIds] },
  };
}

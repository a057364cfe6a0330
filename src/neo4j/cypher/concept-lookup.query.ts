import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, relationMap } from "./projections.cypher.js";

/** Concepts with the given ids (unknown ids simply yield no row). */
export function conceptsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `MATCH (c:Concept) WHERE c.id IN $ids RETURN ${conceptMap("c")} AS concept`,
    params: { ids: [...ids] },
  };
}

/** Graph relations with the given ids. */
export function relationsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS id
      CALL (id) {
        MATCH (:Concept)-[r]->(:Concept) WHERE r.id = id
        RETURN r LIMIT 1
      }
      RETURN ${relationMap("r")} AS relation`,
    params: { ids: [...ids] },
  };
}

import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, relationMap } from "./projections.cypher.js";
import { relationByIdMatch } from "./relation-by-id.cypher.js";

/** The concepts with the given ids, bound to `c`, returning `returns`, a list over c written in code (never input); unknown ids yield no row. */
export function conceptsWithIdsQuery(ids: readonly string[], returns: string): CypherQuery {
  return { cypher: `MATCH (c:Concept) WHERE c.id IN $ids RETURN ${returns}`, params: { ids: [...ids] } };
}

/** The live relations with the given ids, bound to `r`, returning `returns`, a list over r written in code (never input); unknown ids yield no row. */
export function relationsWithIdsQuery(ids: readonly string[], returns: string): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS id
      CALL (id) {
        ${relationByIdMatch("id", "r")}
        WITH r WHERE startNode(r):Concept AND endNode(r):Concept
        RETURN r LIMIT 1
      }
      RETURN ${returns}`,
    params: { ids: [...ids] },
  };
}

/** Concepts with the given ids (unknown ids simply yield no row). */
export function conceptsByIdsQuery(ids: readonly string[]): CypherQuery {
  return conceptsWithIdsQuery(ids, `${conceptMap("c")} AS concept`);
}

/** Graph relations with the given ids. */
export function relationsByIdsQuery(ids: readonly string[]): CypherQuery {
  return relationsWithIdsQuery(ids, `${relationMap("r")} AS relation`);
}

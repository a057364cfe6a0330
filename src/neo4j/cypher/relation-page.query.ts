import type { RelationPageRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, relationMap } from "./projections.cypher.js";

/** One page of a concept's relations ordered by relation id, with the total, in one round trip. */
export function relationPageQuery(request: RelationPageRequest): CypherQuery {
  const match = `
        MATCH (c)-[r]->(o:Concept) WHERE $out AND ($types IS NULL OR type(r) IN $types)
        RETURN r, o, 'out' AS direction
        UNION ALL
        MATCH (c)<-[r]-(o:Concept) WHERE $in AND ($types IS NULL OR type(r) IN $types)
        RETURN r, o, 'in' AS direction`;
  return {
    cypher: `
      MATCH (c:Concept {id: $conceptId})
      CALL (c) { ${match} }
      WITH c, count(*) AS total
      CALL (c) {
        CALL (c) { ${match} }
        WITH r, o, direction WHERE $after IS NULL OR r.id > $after
        WITH r, o, direction ORDER BY r.id, direction LIMIT toInteger($take)
        RETURN collect({relation: ${relationMap("r")}, concept: ${conceptMap("o")}, direction: direction}) AS items
      }
      RETURN total, items`,
    params: {
      conceptId: request.conceptId,
      out: request.direction !== "in",
      in: request.direction !== "out",
      types: request.types === null ? null : [...request.types],
      after: request.after,
      take: request.limit + 1,
    },
  };
}

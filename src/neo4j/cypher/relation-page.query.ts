import type { RelationPageRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { evidenceFilterParam, relationPasses } from "./evidence-filter.cypher.js";
import { conceptMap, conceptRequestParams, relationMap } from "./projections.cypher.js";

/**
 * Pages of relations for many concepts in one round trip: each request brings its own direction,
 * types, cursor and page size. Relations are ordered by id; one extra is fetched to tell if more exist.
 */
export function relationPagesQuery(requests: readonly RelationPageRequest[]): CypherQuery {
  const filter = `(req.types IS NULL OR type(r) IN req.types) AND ${relationPasses("r", "req.evidence")}`;
  return {
    cypher: `
      UNWIND $requests AS req
      MATCH (c:Concept {id: req.conceptId})
      CALL (c, req) {
        MATCH (c)-[r]->(o:Concept) WHERE req.out AND ${filter}
        RETURN r, o, 'out' AS direction
        UNION ALL
        MATCH (c)<-[r]-(o:Concept) WHERE req.in AND ${filter}
        RETURN r, o, 'in' AS direction
      }
      WITH req, r, o, direction ORDER BY r.id
      WITH req, count(r) AS total,
           collect(CASE WHEN req.after IS NULL OR r.id > req.after
             THEN {relation: ${relationMap("r")}, concept: ${conceptMap("o")}, direction: direction} END) AS candidates
      RETURN req.index AS index, total, candidates[0..req.take] AS items`,
    params: {
      requests: requests.map((r, index) => ({
        ...conceptRequestParams(index, r),
        after: r.after,
        take: r.limit + 1,
        evidence: evidenceFilterParam(r.evidence),
      })),
    },
  };
}

import type { LinkRequest } from "../../store/store.types.js";
import { contextsApplyingIn } from "../../domain/context-scope.js";
import type { CypherQuery } from "./cypher-query.js";
import { evidenceFilterParam, relationPasses } from "./evidence-filter.cypher.js";
import { conceptMap, conceptRequestParams, relationMap } from "./projections.cypher.js";

/**
 * One-hop links for many requests in a single round trip; each request carries its own direction,
 * type, kind and context filters as parameters.
 */
export function linksQuery(requests: readonly LinkRequest[]): CypherQuery {
  const filter = `(req.types IS NULL OR type(r) IN req.types)
        AND (req.kinds IS NULL OR o.kind IN req.kinds)
        AND (req.contexts IS NULL OR r.context IS NULL OR r.context IN req.contexts)
        AND ${relationPasses("r", "req.evidence")}`;
  return {
    cypher: `
      UNWIND $requests AS req
      MATCH (c:Concept {id: req.conceptId})
      CALL (c, req) {
        MATCH (c)-[r]->(o:Concept)
        WHERE req.out AND ${filter}
        RETURN r, o, 'out' AS direction
        UNION ALL
        MATCH (c)<-[r]-(o:Concept)
        WHERE req.in AND ${filter}
        RETURN r, o, 'in' AS direction
      }
      RETURN req.index AS index,
        collect({relation: ${relationMap("r")}, concept: ${conceptMap("o")}, direction: direction}) AS links`,
    params: {
      requests: requests.map((r, index) => ({
        ...conceptRequestParams(index, r),
        kinds: r.kinds === null ? null : [...r.kinds],
        contexts: r.context === null ? null : contextsApplyingIn(r.context),
        evidence: evidenceFilterParam(r.evidence),
      })),
    },
  };
}

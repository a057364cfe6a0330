import type { ReachRequest } from "../../store/store.types.js";
import { MAX_REACH_DEPTH } from "../../domain/query-bounds.js";
import type { CypherQuery } from "./cypher-query.js";
import { allowedRelationsCall, evidenceFilterParam } from "./evidence-filter.cypher.js";
import { conceptMap, hopRange } from "./projections.cypher.js";


/** Concepts reachable upstream or downstream for many requests in one round trip, with hop distance. */
export function reachQuery(requests: readonly ReachRequest[]): CypherQuery {
  const range = hopRange(MAX_REACH_DEPTH);
  // The allowed-relation lookup is only emitted when some request filters by evidence.
  const filtered = requests.some((r) => r.evidence !== null && r.evidence !== undefined);
  const passes = filtered ? " AND (req.evidence IS NULL OR r.id IN allowed)" : "";
  const where = `all(r IN rels WHERE type(r) IN req.types${passes}) AND size(rels) <= req.maxDepth AND n <> c`;
  return {
    cypher: `
      UNWIND $requests AS req
      MATCH (c:Concept {id: req.conceptId})
      ${filtered ? allowedRelationsCall("req.evidence", "req") : "WITH c, req, [] AS allowed"}
      CALL (c, req, allowed) {
        MATCH (c)<-[rels${range}]-(n:Concept)
        WHERE req.upstream AND ${where}
        RETURN n, size(rels) AS hops
        UNION ALL
        MATCH (c)-[rels${range}]->(n:Concept)
        WHERE NOT req.upstream AND ${where}
        RETURN n, size(rels) AS hops
      }
      WITH req, n, min(hops) AS distance
      WHERE req.kinds IS NULL OR n.kind IN req.kinds
      RETURN req.index AS index, collect({concept: ${conceptMap("n")}, distance: distance}) AS reached`,
    params: {
      requests: requests.map((r, index) => ({
        index,
        conceptId: r.conceptId,
        upstream: r.direction === "upstream",
        types: [...r.types],
        kinds: r.kinds === null ? null : [...r.kinds],
        maxDepth: r.maxDepth,
        evidence: evidenceFilterParam(r.evidence),
      })),
    },
  };
}

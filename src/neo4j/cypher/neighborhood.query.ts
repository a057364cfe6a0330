import type { NeighborhoodRequest } from "../../store/store.types.js";
import { MAX_NEIGHBORHOOD_DEPTH } from "../../domain/query-bounds.js";
import type { CypherQuery } from "./cypher-query.js";
import { evidenceFilterParam, relationPasses } from "./evidence-filter.cypher.js";
import { conceptMap, directedPattern, relationMap } from "./projections.cypher.js";


/**
 * Breadth-first expansion up to `depth` rings (one fixed CALL block per ring), then every relation
 * of the allowed types among the concepts found. Each concept gets its ring number as depth.
 */
export function neighborhoodQuery(request: NeighborhoodRequest): CypherQuery {
  if (!Number.isInteger(request.depth) || request.depth < 1 || request.depth > MAX_NEIGHBORHOOD_DEPTH) {
    throw new RangeError(`depth ${request.depth} is outside 1..${MAX_NEIGHBORHOOD_DEPTH}`);
  }
  // With an evidence filter each relation walked is checked against its own claims (an index seek on the
  // claims' relation id), so the work follows the neighbourhood, not the number of claims that pass.
  const filtered = request.evidence !== null && request.evidence !== undefined;
  const passes = filtered ? ` AND ${relationPasses("r", "$evidence")}` : "";
  const step = (ring: number): string => `
      CALL (seen, frontier) {
        UNWIND frontier AS f
        MATCH ${directedPattern("f", "r", "n:Concept", request.direction)}
        WHERE ($types IS NULL OR type(r) IN $types) AND ($kinds IS NULL OR n.kind IN $kinds) AND NOT n IN seen${passes}
        RETURN collect(DISTINCT n) AS next
      }
      WITH seen + next AS seen, next AS frontier, found + [x IN next | {node: x, depth: ${ring}}] AS found`;
  const rings = Array.from({ length: request.depth }, (_, i) => step(i + 1)).join("");
  return {
    cypher: `
      MATCH (c:Concept {id: $id})
      WITH [c] AS seen, [c] AS frontier, [{node: c, depth: 0}] AS found
      ${rings}
      CALL (seen) {
        UNWIND seen AS a
        MATCH (a)-[r]->(b:Concept)
        WHERE b IN seen AND ($types IS NULL OR type(r) IN $types)${passes}
        RETURN collect(${relationMap("r")}) AS relations
      }
      UNWIND found AS item
      WITH relations, item.node AS n, item.depth AS depth
      RETURN relations, collect({concept: ${conceptMap("n")}, depth: depth}) AS nodes`,
    params: {
      id: request.conceptId,
      types: request.types === null ? null : [...request.types],
      kinds: request.kinds === null ? null : [...request.kinds],
      ...(filtered ? { evidence: evidenceFilterParam(request.evidence) } : {}),
    },
  };
}

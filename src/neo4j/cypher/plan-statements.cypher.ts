import { MAX_NEIGHBORHOOD_DEPTH } from "../../domain/query-bounds.js";
import type { ConceptPlan, NeighborhoodPlan, PathsPlan, RelationPlan } from "../../plan/read-plan.js";
import { evidenceMatch } from "./evidence-filter.cypher.js";
import type { Projector } from "./plan-projector.cypher.js";
import { directedPattern, hopRange, pathRankColumns, relationMap, simplePathPredicate } from "./projections.cypher.js";
import { relationByIdMatch } from "./relation-by-id.cypher.js";

/**
 * The bodies of the compiled statements of the concept, paths, neighbourhood and relation roots
 * (see read-plan.compiler.ts, which wraps them). Each ends in one RETURN row; none when its root is missing.
 */

/** ` AND` the relation bound to `r` passes the root's filter ($evidence), or nothing when the plan has none. */
export function rootPasses(filtered: boolean, r: string): string {
  return filtered ? ` AND EXISTS { MATCH (rev:Evidence {relationId: ${r}.id}) WHERE ${evidenceMatch("rev", "$evidence")} }` : "";
}

/** One concept by id: `concept`. */
export function conceptBody(plan: ConceptPlan, p: Projector): string {
  const concept = p.concept("c", plan.select, ["select"]);
  return `MATCH (c:Concept {id: $id})
    ${concept.prelude}
    RETURN ${concept.map} AS concept`;
}

/** One relation by id: `relation`. */
export function relationBody(plan: RelationPlan, p: Projector): string {
  const relation = p.relation("rel", plan.select, ["select"]);
  return `${relationByIdMatch("$id", "rel")}
    WITH rel LIMIT 1
    ${relation.prelude}
    RETURN ${relation.map} AS relation`;
}

/** Whether both ends exist and the ranked paths: `fromFound`, `toFound`, `paths` ({nodes, relations} of {at, c|r}). */
export function pathsBody(plan: PathsPlan, p: Projector): string {
  const { maxHops, directed, evidence } = plan.request;
  const rel = `rels${hopRange(maxHops)}`;
  const pattern = directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  const node = p.concept("pn", plan.nodes, ["nodes"]);
  const relation = p.relation("pr", plan.relations, ["relations"]);
  return `
    OPTIONAL MATCH (a:Concept {id: $from})
    OPTIONAL MATCH (b:Concept {id: $to})
    CALL (a, b) {
      MATCH p = ${pattern}
      WHERE all(r IN rels WHERE type(r) IN $types${rootPasses(evidence !== null && evidence !== undefined, "r")}) AND ${simplePathPredicate("p")}
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      CALL (p) {
        UNWIND range(0, size(nodes(p)) - 1) AS pi
        WITH pi, nodes(p)[pi] AS pn
        ${node.prelude}
        RETURN collect({at: pi, c: ${node.map}}) AS pnodes
      }
      CALL (p) {
        UNWIND range(0, size(relationships(p)) - 1) AS ri
        WITH ri, relationships(p)[ri] AS pr
        ${relation.prelude}
        RETURN collect({at: ri, r: ${relation.map}}) AS prels
      }
      RETURN collect({nodes: pnodes, relations: prels}) AS paths
    }
    RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

/** The centre, its neighbourhood and the relations among them: `center`, `relations`, `nodes` ({concept, depth}). */
export function neighborhoodBody(plan: NeighborhoodPlan, p: Projector): string {
  const { depth, direction, evidence } = plan.request;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_NEIGHBORHOOD_DEPTH) throw new RangeError(`depth ${depth} is outside 1..${MAX_NEIGHBORHOOD_DEPTH}`);
  const filtered = evidence !== null && evidence !== undefined;
  // The rings and the relation block are those of neighborhoodQuery, the filter checked per relation walked.
  const step = (ring: number): string => `
    CALL (seen, frontier) {
      UNWIND frontier AS f
      MATCH ${directedPattern("f", "r", "n:Concept", direction)}
      WHERE ($types IS NULL OR type(r) IN $types) AND ($kinds IS NULL OR n.kind IN $kinds) AND NOT n IN seen${rootPasses(filtered, "r")}
      RETURN collect(DISTINCT n) AS next
    }
    WITH c, seen + next AS seen, next AS frontier, found + [x IN next | {node: x, depth: ${ring}}] AS found`;
  const center = p.concept("c", plan.center, ["center"]);
  const node = p.concept("nn", plan.nodes, ["nodes"]);
  return `
    MATCH (c:Concept {id: $id})
    WITH c, [c] AS seen, [c] AS frontier, [{node: c, depth: 0}] AS found
    ${Array.from({ length: depth }, (_, i) => step(i + 1)).join("")}
    CALL (seen) {
      UNWIND seen AS sa
      MATCH (sa)-[r]->(sb:Concept)
      WHERE sb IN seen AND ($types IS NULL OR type(r) IN $types)${rootPasses(filtered, "r")}
      RETURN collect(${relationMap("r")}) AS relations
    }
    WITH c, relations, found
    ${center.prelude}
    WITH ${center.map} AS center, relations, found
    UNWIND found AS item
    WITH center, relations, item.node AS nn, item.depth AS depth
    ${node.prelude}
    RETURN center, relations, collect({concept: ${node.map}, depth: depth}) AS nodes`;
}

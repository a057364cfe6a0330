import type { ExplainPlan } from "../../plan/read-plan.js";
import { rootPasses } from "./plan-statements.cypher.js";
import type { Projector } from "./plan-projector.cypher.js";
import { hopRange, pathRankColumns, simplePathPredicate } from "./projections.cypher.js";

/**
 * The body of an explanation's statement: the target, its root paths (those of rootPathsQuery), and
 * for the target and every concept on them (the sites) the treatments acting on them and the concepts
 * feeding into them, then the treatments acting on those feeders (sites too). Every concept and every
 * relation involved is projected once, and the structure refers to them by id:
 * `target`, `paths` ({nodes, relations} of ids), `sites` ({id, acting, feeding} of {concept, relation}
 * ids; feeding null for a feeder), `concepts`, `relations`.
 */
export function explainBody(plan: ExplainPlan, p: Projector): string {
  const filtered = plan.request.evidence !== null && plan.request.evidence !== undefined;
  const applies = (r: string, types: string): string =>
    `type(${r}) IN ${types} AND ($contexts IS NULL OR ${r}.context IS NULL OR ${r}.context IN $contexts)${rootPasses(filtered, r)}`;
  const acting = (s: string): string => `CALL (${s}) {
        MATCH (${s})<-[r]-(x:Concept) WHERE x.kind = 'treatment' AND ${applies("r", "$interventionTypes")}
        RETURN collect({concept: x, relation: r}) AS acting
      }`;
  const concept = p.concept("c", plan.concepts, ["concepts"]);
  const relation = p.relation("rel", plan.relations, ["relations"]);
  return `
    MATCH (t:Concept {id: $to})
    CALL (t) {
      MATCH p = (root:Concept)-[rels${hopRange(plan.request.maxHops)}]->(t)
      WHERE all(r IN rels WHERE ${applies("r", "$types")}) AND ${simplePathPredicate("p")}
        AND NOT EXISTS { MATCH (:Concept)-[r2]->(root) WHERE ${applies("r2", "$types")} }
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      RETURN collect(p) AS paths
    }
    CALL (t, paths) {
      UNWIND [t] + reduce(acc = [], p IN paths | acc + nodes(p)) AS s
      WITH DISTINCT s
      ${acting("s")}
      CALL (s) {
        MATCH (s)<-[r]-(x:Concept) WHERE ${applies("r", "$types")}
        RETURN collect({concept: x, relation: r}) AS feeding
      }
      RETURN collect({concept: s, acting: acting, feeding: feeding}) AS steps
    }
    CALL (steps) {
      UNWIND steps AS st
      UNWIND st.feeding AS fd
      WITH DISTINCT fd.concept AS f
      ${acting("f")}
      RETURN collect({concept: f, acting: acting, feeding: null}) AS fed
    }
    WITH t, paths, steps + fed AS sites
    CALL (paths, sites) {
      UNWIND reduce(acc = [], p IN paths | acc + nodes(p))
        + reduce(acc = [], s IN sites | acc + [s.concept] + [a IN s.acting | a.concept] + [f IN coalesce(s.feeding, []) | f.concept]) AS c
      WITH DISTINCT c
      ${concept.prelude}
      RETURN collect(${concept.map}) AS concepts
    }
    CALL (paths, sites) {
      UNWIND reduce(acc = [], p IN paths | acc + relationships(p))
        + reduce(acc = [], s IN sites | acc + [a IN s.acting | a.relation] + [f IN coalesce(s.feeding, []) | f.relation]) AS rel
      WITH DISTINCT rel
      ${relation.prelude}
      RETURN collect(${relation.map}) AS relations
    }
    RETURN t.id AS target,
      [p IN paths | {nodes: [n IN nodes(p) | n.id], relations: [r IN relationships(p) | r.id]}] AS paths,
      [s IN sites | {
        id: s.concept.id,
        acting: [a IN s.acting | {concept: a.concept.id, relation: a.relation.id}],
        feeding: CASE WHEN s.feeding IS NULL THEN null ELSE [f IN s.feeding | {concept: f.concept.id, relation: f.relation.id}] END
      }] AS sites,
      concepts, relations`;
}

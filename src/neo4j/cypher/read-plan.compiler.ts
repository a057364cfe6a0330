import { LRUCache } from "lru-cache";
import { CAUSAL_RELATION_TYPES } from "../../domain/relation-type.js";
import { CONCEPT_VIEWS, CONDITION_FINDING_TYPES, INTERVENTION_TYPES, TRANSITIVE_VIEW_DEPTH } from "../../domain/concept-views.js";
import { contextsApplyingIn } from "../../domain/context-scope.js";
import { MAX_NEIGHBORHOOD_DEPTH } from "../../domain/query-bounds.js";
import type { ConceptSelection, LinkPlan, ReadPlan, RelationSelection } from "../../plan/read-plan.js";
import type { CypherQuery } from "./cypher-query.js";
import { directedPattern, evidenceMap, hopRange, pathRankColumns, relationMap, simplePathPredicate } from "./projections.cypher.js";

/**
 * Compiles a read plan into ONE parameterised Cypher statement: the root, every planned link as a
 * COLLECT subquery nested in the projection of its parent, and the existence checks. Only the
 * selected concept properties are projected. The statement text depends only on the plan's shape
 * (properties, views, nesting, hop and depth bounds); ids, contexts, kinds, types and limits travel
 * as parameters, so compiled statements are cached by shape.
 */

/** Most statement shapes kept; a client cannot grow the cache past this. */
const CACHE_SIZE = 500;
const cache = new LRUCache<string, string>({ max: CACHE_SIZE });

/** Plan fields holding values (parameters), left out of the shape key. */
const VALUE_FIELDS = new Set(["id", "key", "context", "parentKinds", "from", "to", "types", "kinds", "limit", "conceptId", "evidence"]);

/** The statement for a plan, compiled once per plan shape. */
export function compileReadPlan(plan: ReadPlan): CypherQuery {
  const links = numberLinks(plan);
  const shape = shapeKey(plan);
  let cypher = cache.get(shape);
  if (cypher === undefined) {
    cypher = statementOf(plan, links);
    cache.set(shape, cypher);
  }
  return { cypher, params: { ...rootParams(plan), ...linkParams(links) } };
}

/** Shape keys of selections, which the planner reuses across requests. */
const selectionKeys = new WeakMap<object, string>();

function keyOf(value: object): string {
  let key = selectionKeys.get(value);
  if (key === undefined) {
    key = JSON.stringify(value, (k, v: unknown) => (VALUE_FIELDS.has(k) ? undefined : v));
    selectionKeys.set(value, key);
  }
  return key;
}

/** The plan with its values left out: the root, the structural bounds and the selections. */
function shapeKey(plan: ReadPlan): string {
  if (plan.root === "concept") return `concept ${keyOf(plan.select)}`;
  if (plan.root === "paths") return `paths ${plan.request.maxHops} ${plan.request.directed} ${keyOf(plan.nodes)} ${keyOf(plan.relations)}`;
  return `neighborhood ${plan.request.depth} ${plan.request.direction} ${keyOf(plan.center)} ${keyOf(plan.nodes)}`;
}

/** How many distinct statement shapes are cached (for tests). */
export function compiledShapeCount(): number {
  return cache.size;
}

/** Every link of the plan in a fixed walk order; its position names its parameter and variables. */
function numberLinks(plan: ReadPlan): Map<LinkPlan, number> {
  const order = new Map<LinkPlan, number>();
  const walk = (select: ConceptSelection): void => {
    for (const link of select.links) {
      order.set(link, order.size);
      if (link.link === "view") walk(link.select);
      else {
        walk(link.treatment);
        if (link.link === "treatmentOptions") walk(link.target);
      }
    }
  };
  if (plan.root === "concept") walk(plan.select);
  else if (plan.root === "paths") walk(plan.nodes);
  else {
    walk(plan.center);
    walk(plan.nodes);
  }
  return order;
}

function linkParams(links: ReadonlyMap<LinkPlan, number>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [link, n] of links) {
    const contexts = link.link === "treatmentOptions" || link.context === null ? null : contextsApplyingIn(link.context);
    const base = { parentKinds: link.parentKinds === null ? null : [...link.parentKinds], contexts };
    if (link.link === "view") {
      const view = CONCEPT_VIEWS[link.view];
      params[`l${n}`] = { ...base, types: [...view.types], kinds: view.kinds === null ? null : [...view.kinds] };
    } else if (link.link === "interventions") {
      params[`l${n}`] = { ...base, types: [...INTERVENTION_TYPES] };
    } else {
      params[`l${n}`] = { ...base, findingTypes: [...CONDITION_FINDING_TYPES], causalTypes: [...CAUSAL_RELATION_TYPES], interventionTypes: [...INTERVENTION_TYPES] };
    }
  }
  return params;
}

function rootParams(plan: ReadPlan): Record<string, unknown> {
  if (plan.root === "concept") return { id: plan.id };
  if (plan.root === "paths") {
    const r = plan.request;
    return { from: r.from, to: r.to, types: [...r.types], take: r.limit + 1 };
  }
  const r = plan.request;
  return { id: r.conceptId, types: r.types === null ? null : [...r.types], kinds: r.kinds === null ? null : [...r.kinds] };
}

function statementOf(plan: ReadPlan, links: ReadonlyMap<LinkPlan, number>): string {
  const p = new Projector(links);
  if (plan.root === "concept") return `MATCH (c:Concept {id: $id})\n${p.prelude("c", plan.select)}\nRETURN ${p.concept("c", plan.select)} AS concept`;
  if (plan.root === "paths") return pathsStatement(plan.request.maxHops, plan.request.directed, p, plan.nodes, plan.relations);
  return neighborhoodStatement(plan.request.depth, plan.request.direction, p, plan.center, plan.nodes);
}

function pathsStatement(maxHops: number, directed: boolean, p: Projector, nodes: ConceptSelection, relations: RelationSelection): string {
  const rel = `rels${hopRange(maxHops)}`;
  const pattern = directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  return `
    OPTIONAL MATCH (a:Concept {id: $from})
    OPTIONAL MATCH (b:Concept {id: $to})
    CALL (a, b) {
      MATCH p = ${pattern}
      WHERE all(r IN rels WHERE type(r) IN $types) AND ${simplePathPredicate("p")}
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      CALL (p) {
        UNWIND range(0, size(nodes(p)) - 1) AS pi
        WITH pi, nodes(p)[pi] AS pn
        ${p.prelude("pn", nodes)}
        RETURN collect({at: pi, c: ${p.concept("pn", nodes)}}) AS pnodes
      }
      RETURN collect({nodes: pnodes, relations: [pr IN relationships(p) | ${p.relation("pr", relations)}]}) AS paths
    }
    RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

function neighborhoodStatement(depth: number, direction: "out" | "in" | "both", p: Projector, center: ConceptSelection, nodes: ConceptSelection): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_NEIGHBORHOOD_DEPTH) throw new RangeError(`depth ${depth} is outside 1..${MAX_NEIGHBORHOOD_DEPTH}`);
  // The rings and the relation block are those of neighborhoodQuery, without an evidence filter.
  const step = (ring: number): string => `
    CALL (seen, frontier) {
      UNWIND frontier AS f
      MATCH ${directedPattern("f", "r", "n:Concept", direction)}
      WHERE ($types IS NULL OR type(r) IN $types) AND ($kinds IS NULL OR n.kind IN $kinds) AND NOT n IN seen
      RETURN collect(DISTINCT n) AS next
    }
    WITH c, seen + next AS seen, next AS frontier, found + [x IN next | {node: x, depth: ${ring}}] AS found`;
  return `
    MATCH (c:Concept {id: $id})
    WITH c, [c] AS seen, [c] AS frontier, [{node: c, depth: 0}] AS found
    ${Array.from({ length: depth }, (_, i) => step(i + 1)).join("")}
    CALL (seen) {
      UNWIND seen AS sa
      MATCH (sa)-[r]->(sb:Concept)
      WHERE sb IN seen AND ($types IS NULL OR type(r) IN $types)
      RETURN collect(${relationMap("r")}) AS relations
    }
    WITH c, relations, found
    ${p.prelude("c", center)}
    WITH ${p.concept("c", center)} AS center, relations, found
    UNWIND found AS item
    WITH center, relations, item.node AS nn, item.depth AS depth
    ${p.prelude("nn", nodes)}
    RETURN center, relations, collect({concept: ${p.concept("nn", nodes)}, depth: depth}) AS nodes`;
}

/**
 * Builds projections. A concept's planned links are CALL subqueries placed before its projection
 * (`prelude`), each binding one list variable l<n>; CALL rather than COLLECT { } because transitive
 * views aggregate (min distance), which an expression subquery may not. Variables inside a link's
 * subquery carry the link's number, so nesting never shadows.
 */
class Projector {
  constructor(private readonly links: ReadonlyMap<LinkPlan, number>) {}

  /** The CALL clauses that bind the planned links of the concept bound to `v`. */
  prelude(v: string, select: ConceptSelection): string {
    return select.links.map((link) => this.link(v, link)).join("\n");
  }

  /** Map projection of the concept bound to `v`: its selected properties and, under l<i>, each planned link (after its prelude). */
  concept(v: string, select: ConceptSelection): string {
    const entries: string[] = [];
    for (const prop of select.properties) {
      if (prop === "xrefs") {
        entries.push(`xrefs: [(${v})-[${v}_h:HAS_XREF]->(${v}_x:Xref) | {prefix: ${v}_x.prefix, localId: ${v}_x.localId, curie: ${v}_x.curie, match: ${v}_h.match, position: ${v}_h.position}]`);
      } else if (prop === "mentions") {
        entries.push(`mentions: [(${v})-[${v}_m:MENTIONED_IN]->(${v}_s:Source) | {sourceId: ${v}_s.id, sectionId: ${v}_m.sectionId, start: ${v}_m.start, end: ${v}_m.end, position: ${v}_m.position}]`);
      } else entries.push(`.${prop}`);
    }
    select.links.forEach((link, i) => entries.push(`l${i}: l${this.number(link)}`));
    return `${v} {${entries.join(", ")}}`;
  }

  /** Relation map with, when asked, its evidence. */
  relation(r: string, select: RelationSelection): string {
    if (select.evidenceKeys.length === 0) return relationMap(r);
    const e = `${r}_e`;
    return `${relationMap(r).slice(0, -1)}, evidence: COLLECT { MATCH (${e}:Evidence {relationId: ${r}.id}) RETURN ${evidenceMap(e)} }}`;
  }

  private number(link: LinkPlan): number {
    const n = this.links.get(link);
    if (n === undefined) throw new Error("link missing from the plan numbering");
    return n;
  }

  private link(v: string, link: LinkPlan): string {
    const n = this.number(link);
    const p = `$l${n}`;
    const o = `o${n}`;
    const r = `r${n}`;
    const parentOk = link.parentKinds === null ? "true" : `${v}.kind IN ${p}.parentKinds`;
    const applies = `(${p}.contexts IS NULL OR ${r}.context IS NULL OR ${r}.context IN ${p}.contexts)`;
    if (link.link === "view") {
      const view = CONCEPT_VIEWS[link.view];
      if (view.mode === "transitive") {
        const walk = view.direction === "upstream" ? `(${v})<-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(${o}:Concept)` : `(${v})-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]->(${o}:Concept)`;
        return `CALL (${v}) {
          MATCH ${walk} WHERE ${parentOk} AND all(q${n} IN rels${n} WHERE type(q${n}) IN ${p}.types) AND ${o} <> ${v}
          WITH ${o}, min(size(rels${n})) AS d${n} WHERE ${o}.kind IN ${p}.kinds
          ${this.prelude(o, link.select)}
          RETURN collect({distance: d${n}, c: ${this.concept(o, link.select)}}) AS l${n} }`;
      }
      return `CALL (${v}) {
        MATCH ${directedPattern(v, r, `${o}:Concept`, view.direction)}
        WHERE ${parentOk} AND type(${r}) IN ${p}.types AND (${p}.kinds IS NULL OR ${o}.kind IN ${p}.kinds) AND ${applies}
        ${this.prelude(o, link.select)}
        RETURN collect({rid: ${r}.id, c: ${this.concept(o, link.select)}}) AS l${n} }`;
    }
    if (link.link === "interventions") {
      return `CALL (${v}) {
        MATCH (${v})<-[${r}]-(${o}:Concept)
        WHERE ${parentOk} AND type(${r}) IN ${p}.types AND ${o}.kind = 'treatment' AND ${applies}
        ${this.prelude(o, link.treatment)}
        RETURN collect({treatment: ${this.concept(o, link.treatment)}, relation: ${this.relation(r, link.relation)}}) AS l${n} }`;
    }
    const seed = `seed${n}`;
    const member = `member${n}`;
    // The condition's scope as treatmentOptionsQuery builds it: itself, its findings, and everything causally upstream of those.
    return `CALL (${v}) {
        UNWIND CASE WHEN ${parentOk} THEN [${v}] + [(${v})-[f${n}]->(x${n}:Concept) WHERE type(f${n}) IN ${p}.findingTypes | x${n}] ELSE [] END AS ${seed}
        UNWIND [${seed}] + [(${seed})<-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(u${n}:Concept) WHERE all(q${n} IN rels${n} WHERE type(q${n}) IN ${p}.causalTypes) | u${n}] AS ${member}
        WITH DISTINCT ${member}
        MATCH (${o}:Concept {kind: 'treatment'})-[${r}]->(${member})
        WHERE type(${r}) IN ${p}.interventionTypes
        ${this.prelude(o, link.treatment)}
        ${this.prelude(member, link.target)}
        RETURN collect({treatment: ${this.concept(o, link.treatment)}, relation: ${this.relation(r, link.relation)}, target: ${this.concept(member, link.target)}}) AS l${n} }`;
  }
}

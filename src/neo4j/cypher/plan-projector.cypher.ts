import { CONCEPT_VIEWS, TRANSITIVE_VIEW_DEPTH } from "../../domain/concept-views.js";
import type { ConceptProperty, ConceptSelection, EvidenceSelection, LinkPlan, RelationSelection } from "../../plan/read-plan.js";
import { evidenceMatch } from "./evidence-filter.cypher.js";
import { directedPattern, evidenceMap, hopRange, relationMap, sourceMap } from "./projections.cypher.js";
import { relationByIdMatch } from "./relation-by-id.cypher.js";

/** Where in a plan a value sits: property names and list positions from the plan's root. */
export type PlanPath = readonly (string | number)[];

/** A statement parameter `$<name>` whose value comes from the link or evidence list at `path` of the plan. */
export interface PlanSlot {
  readonly name: string;
  readonly path: PlanPath;
}

/** The CALL clauses a projection needs first (possibly none), and the projection expression itself. */
export interface Projection {
  readonly prelude: string;
  readonly map: string;
}

/**
 * Builds the projections of planned concepts, relations and evidence. A planned link, evidence list,
 * relation end or evidence relation is a CALL subquery placed before the projection (the prelude),
 * binding one variable l<n>; CALL rather than COLLECT { } because transitive views aggregate (min
 * distance), which an expression subquery may not. Every subquery takes a fresh number n for its
 * variables, so nesting never shadows; links and evidence lists read their values from the parameter
 * $l<n>, recorded as a slot with the plan path it comes from, so a cached statement serves any plan
 * of the same shape.
 */
export class Projector {
  private next = 0;
  /** The parameters the projections read, each with the plan path of its link or evidence list. */
  readonly slots: PlanSlot[] = [];

  /** The concept bound to `v`: its selected properties and, under l<i>, each planned link. */
  concept(v: string, select: ConceptSelection, path: PlanPath): Projection {
    const entries = select.properties.map((property) => propertyEntry(v, property));
    const preludes = select.links.map((link, i) => {
      const n = this.slot([...path, "links", i]);
      entries.push(`l${i}: l${n}`);
      return this.link(v, link, n, [...path, "links", i]);
    });
    return { prelude: preludes.join("\n"), map: `${v} {${entries.join(", ")}}` };
  }

  /** The relation bound to `r`: its record map with each planned evidence list (ev<i>) and end (end<i>). */
  relation(r: string, select: RelationSelection, path: PlanPath): Projection {
    const preludes: string[] = [];
    const entries: string[] = [];
    select.evidenceLists.forEach((list, i) => {
      const n = this.slot([...path, "evidenceLists", i]);
      const e = `e${n}`;
      const item = this.evidence(e, list.select, [...path, "evidenceLists", i, "select"]);
      const where = list.evidence === null ? "" : `WHERE ${evidenceMatch(e, `$l${n}.evidence`)}`;
      preludes.push(`CALL (${r}) {
        MATCH (${e}:Evidence {relationId: ${r}.id}) ${where}
        ${item.prelude}
        RETURN collect(${item.map}) AS l${n} }`);
      entries.push(`ev${i}: l${n}`);
    });
    select.ends.forEach((end, i) => {
      const n = this.fresh();
      const x = `x${n}`;
      const concept = this.concept(x, end.select, [...path, "ends", i, "select"]);
      preludes.push(`CALL (${r}) {
        WITH ${end.end === "from" ? "startNode" : "endNode"}(${r}) AS ${x}
        ${concept.prelude}
        RETURN ${concept.map} AS l${n} }`);
      entries.push(`end${i}: l${n}`);
    });
    return { prelude: preludes.join("\n"), map: withEntries(relationMap(r), entries) };
  }

  /** The evidence bound to `e`: its record map with, when asked, its sources and (rel<i>) its relation. */
  evidence(e: string, select: EvidenceSelection, path: PlanPath): Projection {
    const preludes: string[] = [];
    const entries: string[] = [];
    if (select.sources) {
      const n = this.fresh();
      entries.push(`sources: COLLECT { UNWIND [${e}.sourceId, ${e}.citedSourceId] AS sid${n} MATCH (s${n}:Source {id: sid${n}}) RETURN ${sourceMap(`s${n}`)} }`);
    }
    select.relations.forEach((planned, i) => {
      const n = this.fresh();
      const q = `q${n}`;
      const relation = this.relation(q, planned.select, [...path, "relations", i, "select"]);
      preludes.push(`OPTIONAL CALL (${e}) {
        ${relationByIdMatch(`${e}.relationId`, q)}
        WITH ${q} LIMIT 1
        ${relation.prelude}
        RETURN ${relation.map} AS l${n} }`);
      entries.push(`rel${i}: l${n}`);
    });
    return { prelude: preludes.join("\n"), map: withEntries(evidenceMap(e), entries) };
  }

  private fresh(): number {
    return this.next++;
  }

  private slot(path: PlanPath): number {
    const n = this.fresh();
    this.slots.push({ name: `l${n}`, path });
    return n;
  }

  /** The CALL binding l<n> to the results of `link` from the concept bound to `v`. */
  private link(v: string, link: LinkPlan, n: number, path: PlanPath): string {
    const p = `$l${n}`;
    const o = `o${n}`;
    const r = `r${n}`;
    const parentOk = link.parentKinds === null ? "true" : `${v}.kind IN ${p}.parentKinds`;
    const applies = `(${p}.contexts IS NULL OR ${r}.context IS NULL OR ${r}.context IN ${p}.contexts)`;
    // An evidence filter is checked per relation walked, one indexed lookup of its evidence each.
    const passes = (rel: string): string => (link.evidence === null ? "" : ` AND EXISTS { MATCH (ev${n}:Evidence {relationId: ${rel}.id}) WHERE ${evidenceMatch(`ev${n}`, `${p}.evidence`)} }`);
    if (link.link === "view") {
      const view = CONCEPT_VIEWS[link.view];
      const child = this.concept(o, link.select, [...path, "select"]);
      if (view.mode === "transitive") {
        const walk = view.direction === "upstream" ? `(${v})<-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(${o}:Concept)` : `(${v})-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]->(${o}:Concept)`;
        return `CALL (${v}) {
          MATCH ${walk} WHERE ${parentOk} AND all(q${n} IN rels${n} WHERE type(q${n}) IN ${p}.types${passes(`q${n}`)}) AND ${o} <> ${v}
          WITH ${o}, min(size(rels${n})) AS d${n} WHERE ${o}.kind IN ${p}.kinds
          ${child.prelude}
          RETURN collect({distance: d${n}, c: ${child.map}}) AS l${n} }`;
      }
      return `CALL (${v}) {
        MATCH ${directedPattern(v, r, `${o}:Concept`, view.direction)}
        WHERE ${parentOk} AND type(${r}) IN ${p}.types AND (${p}.kinds IS NULL OR ${o}.kind IN ${p}.kinds) AND ${applies}${passes(r)}
        ${child.prelude}
        RETURN collect({rid: ${r}.id, c: ${child.map}}) AS l${n} }`;
    }
    const treatment = this.concept(o, link.treatment, [...path, "treatment"]);
    const relation = this.relation(r, link.relation, [...path, "relation"]);
    if (link.link === "interventions") {
      return `CALL (${v}) {
        MATCH (${v})<-[${r}]-(${o}:Concept)
        WHERE ${parentOk} AND type(${r}) IN ${p}.types AND ${o}.kind = 'treatment' AND ${applies}${passes(r)}
        ${treatment.prelude}
        ${relation.prelude}
        RETURN collect({treatment: ${treatment.map}, relation: ${relation.map}}) AS l${n} }`;
    }
    const seed = `seed${n}`;
    const member = `member${n}`;
    const target = this.concept(member, link.target, [...path, "target"]);
    // The condition's scope as treatmentOptionsQuery builds it: itself, its findings, and everything causally upstream of those.
    return `CALL (${v}) {
        UNWIND CASE WHEN ${parentOk} THEN [${v}] + [(${v})-[f${n}]->(x${n}:Concept) WHERE type(f${n}) IN ${p}.findingTypes${passes(`f${n}`)} | x${n}] ELSE [] END AS ${seed}
        UNWIND [${seed}] + [(${seed})<-[rels${n}${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(u${n}:Concept) WHERE all(q${n} IN rels${n} WHERE type(q${n}) IN ${p}.causalTypes${passes(`q${n}`)}) | u${n}] AS ${member}
        WITH DISTINCT ${member}
        MATCH (${o}:Concept {kind: 'treatment'})-[${r}]->(${member})
        WHERE type(${r}) IN ${p}.interventionTypes${passes(r)}
        ${treatment.prelude}
        ${target.prelude}
        ${relation.prelude}
        RETURN collect({treatment: ${treatment.map}, relation: ${relation.map}, target: ${target.map}}) AS l${n} }`;
  }
}

/** The map entry projecting one concept property of `v`. */
function propertyEntry(v: string, property: ConceptProperty): string {
  if (property === "xrefs") {
    return `xrefs: [(${v})-[${v}_h:HAS_XREF]->(${v}_x:Xref) | {prefix: ${v}_x.prefix, localId: ${v}_x.localId, curie: ${v}_x.curie, match: ${v}_h.match, position: ${v}_h.position}]`;
  }
  if (property === "mentions") {
    return `mentions: [(${v})-[${v}_m:MENTIONED_IN]->(${v}_s:Source) | {sourceId: ${v}_s.id, sectionId: ${v}_m.sectionId, start: ${v}_m.start, end: ${v}_m.end, position: ${v}_m.position}]`;
  }
  return `.${property}`;
}

/** A map expression ending in "}" with more entries. */
function withEntries(map: string, entries: readonly string[]): string {
  return entries.length === 0 ? map : `${map.slice(0, -1)}, ${entries.join(", ")}}`;
}

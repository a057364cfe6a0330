import { CONCEPT_VIEWS } from "../domain/concept-views.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { PlanAnswer, PlannedConcept, PlannedEvidence, PlannedLinkResult, PlannedRelation } from "../plan/plan-result.js";
import { PREFETCHED, withoutPrefetched, type WithPrefetched } from "../plan/prefetched.js";
import type { ConceptSelection, EvidenceSelection, LinkPlan, RelationSelection } from "../plan/read-plan.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { EvidenceRecord, RelationRecord } from "../store/store.types.js";
import type { ContextualConcept } from "./contextual-concept.js";
import { unknownSourcesError } from "./evidence-filter.rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { InterventionResult, TreatmentOptionResult } from "./service-results.types.js";

/**
 * Turns a planned answer into the values the resolvers return, with the same rules the
 * level-by-level services apply: distinct view concepts carrying the context they were reached in,
 * treatment options grouped by treatment, and a field whose evidence filter names an unknown source
 * answered with the error its resolver would raise. Each object carries its planned fields under PREFETCHED.
 */

/** Which of the sources named by the plan's evidence filters exist. */
type KnownSources = ReadonlySet<string>;

/**
 * Puts the sources the plan read (whole records) into the request's source loader, so the fields that
 * show an evidence record's source, section or passage find them without another read.
 */
export function primeSources(answer: PlanAnswer<unknown>, loaders: RequestLoaders): void {
  for (const source of answer.sources) loaders.source.prime(source.id, source);
}

/** The response shape of a planned concept reached in `inherited` (null: none). */
export function shapeConcept(planned: PlannedConcept, select: ConceptSelection, inherited: SymptomContext | null, known: KnownSources): ContextualConcept {
  const prefetched = new Map<string, unknown>();
  const shape: ContextualConcept & WithPrefetched =
    inherited === null ? { ...planned.record, [PREFETCHED]: prefetched } : { ...planned.record, inheritedContext: inherited, [PREFETCHED]: prefetched };
  for (const link of select.links) {
    if (link.parentKinds !== null && !link.parentKinds.includes(planned.record.kind)) continue;
    const result = planned.links.get(link.key);
    if (result !== undefined) prefetched.set(link.key, unknownSourcesError(link.evidence, known) ?? shapeLink(link, result, shape, known));
  }
  return shape;
}

/** The response shape of a planned relation: its record, with its planned evidence lists and ends. */
export function shapeRelation(planned: PlannedRelation, select: RelationSelection, known: KnownSources): RelationRecord {
  if (select.evidenceLists.length === 0 && select.ends.length === 0) return planned.record;
  const prefetched = new Map<string, unknown>();
  for (const list of select.evidenceLists) {
    const evidence = planned.evidence.get(list.key) ?? [];
    prefetched.set(list.key, unknownSourcesError(list.evidence, known) ?? evidence.map((e) => shapeEvidence(e, list.select, known)));
  }
  for (const end of select.ends) {
    const concept = planned.ends.get(end.key);
    if (concept !== undefined) prefetched.set(end.key, shapeConcept(concept, end.select, null, known));
  }
  const shape: RelationRecord & WithPrefetched = { ...planned.record, [PREFETCHED]: prefetched };
  return shape;
}

/** The response shape of a planned evidence record: its record, with its planned relation. */
export function shapeEvidence(planned: PlannedEvidence, select: EvidenceSelection, known: KnownSources): EvidenceRecord {
  if (select.relations.length === 0) return planned.record;
  const prefetched = new Map<string, unknown>();
  for (const relation of select.relations) {
    const found = planned.relations.get(relation.key);
    if (found !== undefined) prefetched.set(relation.key, shapeRelation(found, relation.select, known));
  }
  const shape: EvidenceRecord & WithPrefetched = { ...planned.record, [PREFETCHED]: prefetched };
  return shape;
}

function shapeLink(link: LinkPlan, result: PlannedLinkResult, parent: ContextualConcept, known: KnownSources): unknown {
  if (link.link === "view" && result.link === "view") {
    const passOn = CONCEPT_VIEWS[link.view].mode === "direct" ? link.context : null;
    const seen = new Set<string>();
    return result.concepts
      .filter((c) => (seen.has(c.record.id) ? false : (seen.add(c.record.id), true)))
      .map((c) => shapeConcept(c, link.select, passOn, known));
  }
  if (link.link === "interventions" && result.link === "interventions") {
    // The target is the concept itself; its selection has no links (the planner sees to that), so it goes without planned values.
    const target = withoutPrefetched(parent);
    return result.items.map(
      (i): InterventionResult => ({ treatment: shapeConcept(i.treatment, link.treatment, null, known), relation: shapeRelation(i.relation, link.relation, known), target, viaRelation: null }),
    );
  }
  if (link.link === "treatmentOptions" && result.link === "treatmentOptions") {
    const groups = new Map<string, { treatment: ContextualConcept; actsOn: InterventionResult[] }>();
    for (const item of result.items) {
      const treatment = shapeConcept(item.treatment, link.treatment, null, known);
      const group = groups.get(treatment.id) ?? { treatment, actsOn: [] };
      group.actsOn.push({ treatment, relation: shapeRelation(item.relation, link.relation, known), target: shapeConcept(item.target, link.target, null, known), viaRelation: null });
      groups.set(treatment.id, group);
    }
    return [...groups.values()].sort((a, b) => compareConceptsByName(a.treatment, b.treatment)) satisfies TreatmentOptionResult[];
  }
  throw new Error(`planned ${result.link} answered for a ${link.link} link`);
}

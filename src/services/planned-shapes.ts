import { CONCEPT_VIEWS } from "../domain/concept-views.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { PlannedConcept, PlannedLinkResult, PlannedRelation } from "../plan/plan-result.js";
import { PREFETCHED, withoutPrefetched, type WithPrefetched } from "../plan/prefetched.js";
import type { ConceptSelection, LinkPlan } from "../plan/read-plan.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { RelationRecord } from "../store/store.types.js";
import type { ContextualConcept } from "./contextual-concept.js";
import type { InterventionResult, TreatmentOptionResult } from "./service-results.types.js";

/**
 * Turns a planned answer into the values the resolvers return, with the same rules the
 * level-by-level services apply: distinct view concepts carrying the context they were reached in,
 * treatment options grouped by treatment. Each object carries its planned fields under PREFETCHED.
 */

/** The response shape of a planned concept reached in `inherited` (null: none). */
export function shapeConcept(planned: PlannedConcept, select: ConceptSelection, inherited: SymptomContext | null): ContextualConcept {
  const prefetched = new Map<string, unknown>();
  const shape: ContextualConcept & WithPrefetched =
    inherited === null ? { ...planned.record, [PREFETCHED]: prefetched } : { ...planned.record, inheritedContext: inherited, [PREFETCHED]: prefetched };
  for (const link of select.links) {
    if (link.parentKinds !== null && !link.parentKinds.includes(planned.record.kind)) continue;
    const result = planned.links.get(link.key);
    if (result !== undefined) prefetched.set(link.key, shapeLink(link, result, shape));
  }
  return shape;
}

/** The response shape of a planned relation. */
export function shapeRelation(planned: PlannedRelation): RelationRecord {
  if (planned.evidence.size === 0) return planned.record;
  const shape: RelationRecord & WithPrefetched = { ...planned.record, [PREFETCHED]: planned.evidence };
  return shape;
}

function shapeLink(link: LinkPlan, result: PlannedLinkResult, parent: ContextualConcept): unknown {
  if (link.link === "view" && result.link === "view") {
    const passOn = CONCEPT_VIEWS[link.view].mode === "direct" ? link.context : null;
    const seen = new Set<string>();
    return result.concepts
      .filter((c) => (seen.has(c.record.id) ? false : (seen.add(c.record.id), true)))
      .map((c) => shapeConcept(c, link.select, passOn));
  }
  if (link.link === "interventions" && result.link === "interventions") {
    // The target is the concept itself; its selection has no links (the planner sees to that), so it goes without planned values.
    const target = withoutPrefetched(parent);
    return result.items.map((i): InterventionResult => ({ treatment: shapeConcept(i.treatment, link.treatment, null), relation: shapeRelation(i.relation), target, viaRelation: null }));
  }
  if (link.link === "treatmentOptions" && result.link === "treatmentOptions") {
    const groups = new Map<string, { treatment: ContextualConcept; actsOn: InterventionResult[] }>();
    for (const item of result.items) {
      const treatment = shapeConcept(item.treatment, link.treatment, null);
      const group = groups.get(treatment.id) ?? { treatment, actsOn: [] };
      group.actsOn.push({ treatment, relation: shapeRelation(item.relation), target: shapeConcept(item.target, link.target, null), viaRelation: null });
      groups.set(treatment.id, group);
    }
    return [...groups.values()].sort((a, b) => compareConceptsByName(a.treatment, b.treatment)) satisfies TreatmentOptionResult[];
  }
  throw new Error(`planned ${result.link} answered for a ${link.link} link`);
}

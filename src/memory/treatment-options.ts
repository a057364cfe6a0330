import { CONDITION_FINDING_TYPES, INTERVENTION_TYPES, TRANSITIVE_VIEW_DEPTH } from "../domain/concept-views.js";
import type { InterventionLink } from "../store/store.types.js";
import { compareInterventions } from "../store/record-order.js";
import type { ConceptGraph } from "./graph-index.js";
import { incidentLinks } from "./links.js";
import { ringsFrom } from "./traversal.js";
import type { TypedGraph } from "./typed-graphs.js";

// Scope = the condition, its direct findings, and everything causally upstream of those (the Cypher query's two UNIONs).
/** Treatment relations into the condition's scope, one per (relation, target), ordered by compareInterventions; `causal` holds only causal types. */
export function treatmentOptionsOf(graph: ConceptGraph, causal: TypedGraph, conditionId: string): InterventionLink[] {
  if (!graph.hasNode(conditionId)) return [];
  const seeds = [conditionId, ...incidentLinks(graph, conditionId, "out", CONDITION_FINDING_TYPES).map((l) => l.concept.id)];
  const scope = new Set<string>();
  for (const seed of seeds) {
    for (const member of ringsFrom(causal, seed, "inbound", TRANSITIVE_VIEW_DEPTH).keys()) scope.add(member);
  }
  const options: InterventionLink[] = [];
  for (const member of scope) {
    const target = graph.getNodeAttributes(member).concept;
    for (const link of incidentLinks(graph, member, "in", INTERVENTION_TYPES)) {
      if (link.concept.kind === "treatment") options.push({ treatment: link.concept, relation: link.relation, target });
    }
  }
  return options.sort(compareInterventions);
}

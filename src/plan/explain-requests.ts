import { INTERVENTION_TYPES } from "../domain/concept-views.js";
import type { EvidenceFilter } from "../domain/evidence-filter.js";
import type { SymptomContext } from "../domain/qualifier.js";
import { CAUSAL_RELATION_TYPES } from "../domain/relation-type.js";
import type { LinkRequest } from "../store/store.types.js";

/** The links of treatments acting directly on a concept (Concept.interventions, and each step of an explanation). */
export function actingRequest(conceptId: string, context: SymptomContext | null, evidence: EvidenceFilter | null): LinkRequest {
  return { conceptId, direction: "in", types: INTERVENTION_TYPES, kinds: ["treatment"], context, evidence };
}

/** The links of concepts feeding causally into a concept (an explanation step's feeders). */
export function feedingRequest(conceptId: string, context: SymptomContext | null, evidence: EvidenceFilter | null): LinkRequest {
  return { conceptId, direction: "in", types: CAUSAL_RELATION_TYPES, kinds: null, context, evidence };
}

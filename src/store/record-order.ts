import { conceptSortKey } from "../domain/concept-sort-key.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { ConceptRecord, InterventionLink, Link, ReachedConcept, TourRecord } from "./store.types.js";

/** The shared orders of store lists, so every backend sorts identically. */

/** Concepts by name sort key, then id. */
export function compareConceptsByName(a: ConceptRecord, b: ConceptRecord): number {
  return compareCodeUnits(conceptSortKey(a.name), conceptSortKey(b.name)) || compareCodeUnits(a.id, b.id);
}

/** Links by neighbour (name sort key, id), then relation id, then direction. */
export function compareLinks(a: Link, b: Link): number {
  return compareConceptsByName(a.concept, b.concept) || compareCodeUnits(a.relation.id, b.relation.id) || compareCodeUnits(a.direction, b.direction);
}

/** Reached concepts by distance, then name sort key, then id. */
export function compareReached(a: ReachedConcept, b: ReachedConcept): number {
  return a.distance - b.distance || compareConceptsByName(a.concept, b.concept);
}

/** Interventions by treatment (name sort key, id), then relation id. */
export function compareInterventions(a: InterventionLink, b: InterventionLink): number {
  return compareConceptsByName(a.treatment, b.treatment) || compareCodeUnits(a.relation.id, b.relation.id);
}

/** Tours by position in the seed, then id. */
export function compareTours(a: TourRecord, b: TourRecord): number {
  return a.position - b.position || compareCodeUnits(a.id, b.id);
}

import type { ConceptRecord, EvidenceRecord, RelationRecord } from "../store/store.types.js";

/**
 * What a backend answers for a read plan: records carrying only the properties the plan asked for,
 * with the results of each planned link under its response key, in the store's documented orders
 * (views: by neighbour name and id, then relation id; transitive views: by distance, name, id;
 * treatment options and interventions: by treatment name and id, then relation id; evidence by position).
 */

export interface PlannedConcept {
  readonly record: ConceptRecord;
  readonly links: ReadonlyMap<string, PlannedLinkResult>;
}

export interface PlannedRelation {
  readonly record: RelationRecord;
  readonly evidence: ReadonlyMap<string, readonly EvidenceRecord[]>;
}

export type PlannedLinkResult =
  | { readonly link: "view"; readonly concepts: readonly PlannedConcept[] }
  | { readonly link: "treatmentOptions"; readonly items: readonly { treatment: PlannedConcept; relation: PlannedRelation; target: PlannedConcept }[] }
  | { readonly link: "interventions"; readonly items: readonly { treatment: PlannedConcept; relation: PlannedRelation }[] };

export interface PlannedPaths {
  readonly fromFound: boolean;
  readonly toFound: boolean;
  /** Ranked like KnowledgeStore.paths, limit + 1 at most. */
  readonly paths: readonly { nodes: readonly PlannedConcept[]; relations: readonly PlannedRelation[] }[];
}

export interface PlannedNeighborhood {
  readonly center: PlannedConcept;
  readonly nodes: readonly { concept: PlannedConcept; depth: number }[];
  /** Ordered by id. */
  readonly relations: readonly RelationRecord[];
}

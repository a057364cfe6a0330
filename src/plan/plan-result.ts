import type { ConceptRecord, EvidenceRecord, RelationRecord, SourceRecord, TourRecord } from "../store/store.types.js";

/**
 * What a backend answers for a read plan: records carrying only the properties the plan asked for,
 * with the results of each planned link under its response key, in the store's documented orders
 * (views: by neighbour name and id, then relation id; transitive views: by distance, name, id;
 * treatment options and interventions: by treatment name and id, then relation id; evidence by position).
 */

/** A planned read's answer, with what every plan may ask beside its records. */
export interface PlanAnswer<T> {
  readonly value: T;
  /** The sources (whole records) of the evidence read with `sources` selected: own and cited, each once. */
  readonly sources: readonly SourceRecord[];
  /** Which of the source ids named by the plan's evidence filters the graph holds. */
  readonly knownSources: ReadonlySet<string>;
}

export interface PlannedConcept {
  readonly record: ConceptRecord;
  readonly links: ReadonlyMap<string, PlannedLinkResult>;
}

export interface PlannedRelation {
  readonly record: RelationRecord;
  /** Each planned evidence list by response key, by position. */
  readonly evidence: ReadonlyMap<string, readonly PlannedEvidence[]>;
  /** Each planned end by response key. */
  readonly ends: ReadonlyMap<string, PlannedConcept>;
}

export interface PlannedEvidence {
  readonly record: EvidenceRecord;
  /** Its relation under each planned response key. */
  readonly relations: ReadonlyMap<string, PlannedRelation>;
}

export type PlannedLinkResult =
  | { readonly link: "view"; readonly concepts: readonly PlannedConcept[] }
  | { readonly link: "treatmentOptions"; readonly items: readonly { treatment: PlannedConcept; relation: PlannedRelation; target: PlannedConcept }[] }
  | { readonly link: "interventions"; readonly items: readonly { treatment: PlannedConcept; relation: PlannedRelation }[] };

/** A neighbour and the relation it is reached by. */
export interface PlannedLink {
  readonly concept: PlannedConcept;
  readonly relation: PlannedRelation;
}

export interface PlannedPath {
  readonly nodes: readonly PlannedConcept[];
  readonly relations: readonly PlannedRelation[];
}

export interface PlannedPaths {
  readonly fromFound: boolean;
  readonly toFound: boolean;
  /** Ranked like KnowledgeStore.paths, limit + 1 at most. */
  readonly paths: readonly PlannedPath[];
}

export interface PlannedNeighborhood {
  readonly center: PlannedConcept;
  readonly nodes: readonly { concept: PlannedConcept; depth: number }[];
  /** Ordered by id. */
  readonly relations: readonly RelationRecord[];
}

export interface PlannedExplanation {
  /** Null when the id is unknown (then nothing else is read). */
  readonly target: PlannedConcept | null;
  /** Ranked like KnowledgeStore.rootPaths, limit + 1 at most. */
  readonly paths: readonly PlannedPath[];
  /** By concept id, for the target, every concept on a path and every feeder: the treatments acting on it, in link order. */
  readonly interventions: ReadonlyMap<string, readonly PlannedLink[]>;
  /** By concept id, for the target and every concept on a path: the concepts feeding into it causally, in link order. */
  readonly feeders: ReadonlyMap<string, readonly PlannedLink[]>;
}

/** Search candidates: concepts and sources whole, claims with what the plan reads of them. */
export interface PlannedSearchAll {
  readonly concepts: readonly ConceptRecord[];
  readonly sources: readonly SourceRecord[];
  readonly evidence: readonly { readonly evidence: PlannedEvidence; readonly citedSourceTitle: string | null }[];
}

export interface PlannedTours {
  /** Ordered like KnowledgeStore.tours (ids the graph does not hold are left out). */
  readonly tours: readonly TourRecord[];
  /** Every concept the tours' steps highlight or focus on, by id (ids the graph does not hold are left out). */
  readonly concepts: ReadonlyMap<string, PlannedConcept>;
  /** Every relation the tours' steps highlight, by id (likewise). */
  readonly relations: ReadonlyMap<string, PlannedRelation>;
}

/** What a plan of each root answers. */
export interface PlannedValues {
  readonly concept: PlannedConcept | null;
  readonly paths: PlannedPaths;
  readonly neighborhood: PlannedNeighborhood | null;
  readonly relation: PlannedRelation | null;
  readonly explain: PlannedExplanation;
  readonly searchAll: PlannedSearchAll;
  readonly tours: PlannedTours;
}

/** What a plan of the root `P["root"]` answers. */
export type PlannedValueOf<P extends { readonly root: keyof PlannedValues }> = PlannedValues[P["root"]];

import type { ConceptKind } from "../domain/concept-kind.js";
import type { Concept, Evidence, Source } from "../domain/knowledge-graph.model.js";
import type { Qualifiers, SymptomContext } from "../domain/qualifier.js";
import type { RelationType } from "../domain/relation-type.js";
import type { Tour } from "../domain/tour.model.js";

/**
 * Records the stores hand to services and resolvers. Plain data, no database types, so the Neo4j
 * store and the in-process store are interchangeable.
 */

export type ConceptRecord = Concept;
export type EvidenceRecord = Evidence;
export type SourceRecord = Source;
export type TourRecord = Tour;

export interface RelationRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly qualifiers: Qualifiers;
  readonly evidenceCount: number;
  readonly dataset: string;
}

export type Direction = "out" | "in" | "both";

/** A request for the concepts one hop away, by relation direction and type, optionally filtered. */
export interface LinkRequest {
  readonly conceptId: string;
  readonly direction: Direction;
  /** Null means every relation type. */
  readonly types: readonly RelationType[] | null;
  /** Null means every kind. */
  readonly kinds: readonly ConceptKind[] | null;
  /** Keeps only relations whose context qualifier equals this value. */
  readonly context: SymptomContext | null;
}

/** A neighbour reached by one relation; `direction` is as seen from the requesting concept. */
export interface Link {
  readonly relation: RelationRecord;
  readonly concept: ConceptRecord;
  readonly direction: "out" | "in";
}

/** A request for every concept reachable along the given relation types, up to maxDepth hops. */
export interface ReachRequest {
  readonly conceptId: string;
  /** "upstream" walks relations backwards (towards causes), "downstream" forwards. */
  readonly direction: "upstream" | "downstream";
  readonly types: readonly RelationType[];
  readonly kinds: readonly ConceptKind[] | null;
  readonly maxDepth: number;
}

export interface ReachedConcept {
  readonly concept: ConceptRecord;
  /** Fewest hops from the requesting concept. */
  readonly distance: number;
}

export type ConceptOrder = "NAME_ASC" | "NAME_DESC" | "ID_ASC" | "ID_DESC";

export interface ConceptFilter {
  readonly ids?: readonly string[];
  readonly kinds?: readonly ConceptKind[];
  /** Lower-cased text that must occur in the name or a synonym. */
  readonly text?: string;
  /** Exact CURIE ("MESH:D013035") or a prefix alone ("MESH"). */
  readonly xrefCurie?: string;
  readonly xrefPrefix?: string;
  readonly hasRelation?: {
    readonly type: RelationType | null;
    readonly direction: Direction;
    readonly otherId: string | null;
  };
  readonly dataset?: string;
}

/** The sort key of the last item seen: [key, id] for name orders, [id] for id orders. */
export type Keyset = readonly string[];

export interface ConceptPageRequest {
  readonly filter: ConceptFilter;
  readonly order: ConceptOrder;
  /** Walk order: forward pages use `after`, backward pages (last/before) use `before`. */
  readonly forward: boolean;
  readonly limit: number;
  readonly cursor: Keyset | null;
}

export interface ConceptPage {
  /** In the requested order, at most `limit` items. */
  readonly items: readonly ConceptRecord[];
  /** True when more items lie beyond the page in the walk direction. */
  readonly hasMore: boolean;
  readonly totalCount: number;
}

export interface RelationPageRequest {
  readonly conceptId: string;
  readonly direction: Direction;
  readonly types: readonly RelationType[] | null;
  readonly limit: number;
  /** Relation id after which to continue (relations are ordered by id). */
  readonly after: string | null;
}

export interface RelationPage {
  readonly items: readonly Link[];
  readonly hasMore: boolean;
  readonly totalCount: number;
}

export interface SearchCandidateRequest {
  /** Lower-cased query terms, already validated. */
  readonly terms: readonly string[];
  readonly kinds: readonly ConceptKind[] | null;
  /** Upper bound on candidates; ranking happens after retrieval, in the search service. */
  readonly limit: number;
}

export interface PathRecord {
  readonly nodes: readonly ConceptRecord[];
  readonly relations: readonly RelationRecord[];
}

export interface PathRequest {
  readonly from: string;
  readonly to: string;
  readonly types: readonly RelationType[];
  readonly maxHops: number;
  /** Follow relations only in their direction (true) or either way (false). */
  readonly directed: boolean;
  /** Return at most this many, best first; one more is fetched to tell whether the list was cut. */
  readonly limit: number;
}

export interface NeighborhoodRequest {
  readonly conceptId: string;
  readonly depth: number;
  readonly direction: Direction;
  readonly types: readonly RelationType[] | null;
  readonly kinds: readonly ConceptKind[] | null;
}

export interface NeighborhoodNode {
  readonly concept: ConceptRecord;
  readonly depth: number;
}

/** The whole depth-bounded neighbourhood; the service orders and pages it. */
export interface NeighborhoodRecord {
  readonly nodes: readonly NeighborhoodNode[];
  readonly relations: readonly RelationRecord[];
}

/** A treatment acting on a target through an intervention relation. */
export interface InterventionLink {
  readonly treatment: ConceptRecord;
  readonly relation: RelationRecord;
  readonly target: ConceptRecord;
}

export interface CountByKey<K extends string> {
  readonly key: K;
  readonly count: number;
}

export interface GraphStatsRecord {
  readonly concepts: number;
  readonly relations: number;
  readonly evidence: number;
  readonly sources: number;
  readonly conceptsByKind: readonly CountByKey<ConceptKind>[];
  readonly relationsByType: readonly CountByKey<RelationType>[];
}

export type { SymptomContext };

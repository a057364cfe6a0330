import type { ConceptRecord, RelationRecord } from "../store/store.types.js";
import type { SearchField } from "../domain/search-ranking.js";

/** Shapes the services return; the GraphQL object types mirror them field for field. */

export interface PageInfoResult {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface EdgeResult<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface ConnectionResult<T> {
  readonly edges: readonly EdgeResult<T>[];
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfoResult;
  readonly totalCount: number;
}

export interface RelationLinkResult {
  readonly relation: RelationRecord;
  /** The concept at the other end, as seen from the requested concept. */
  readonly neighbor: ConceptRecord;
  readonly direction: "out" | "in";
}

export interface SearchHitResult {
  readonly concept: ConceptRecord;
  readonly score: number;
  readonly matchedField: SearchField;
  readonly matchedText: string;
}

export interface PathResult {
  readonly nodes: readonly ConceptRecord[];
  readonly relations: readonly RelationRecord[];
  readonly hops: number;
  readonly evidenceCount: number;
}

export interface PathSearchResult {
  readonly paths: readonly PathResult[];
  /** True when more paths matched than the limit let through. */
  readonly truncated: boolean;
}

export interface InterventionResult {
  readonly treatment: ConceptRecord;
  /** The relation by which the treatment acts on `target`. */
  readonly relation: RelationRecord;
  /** What the treatment acts on directly. */
  readonly target: ConceptRecord;
  /** Set when the treatment acts on the step indirectly: the relation from `target` into the step. */
  readonly viaRelation: RelationRecord | null;
}

export interface TreatmentOptionResult {
  readonly treatment: ConceptRecord;
  readonly actsOn: readonly InterventionResult[];
}

export interface ExplanationStepResult {
  readonly position: number;
  readonly concept: ConceptRecord;
  /** The relation to the next step; null on the last step (the explained concept). */
  readonly relationToNext: RelationRecord | null;
  readonly interventions: readonly InterventionResult[];
}

export interface ExplanationChainResult {
  readonly root: ConceptRecord;
  readonly hops: number;
  readonly evidenceCount: number;
  readonly steps: readonly ExplanationStepResult[];
}

export interface ExplanationResult {
  readonly target: ConceptRecord;
  readonly chains: readonly ExplanationChainResult[];
  readonly truncated: boolean;
  /** Treatments acting on the explained concept itself, directly or through one contributing concept. */
  readonly targetInterventions: readonly InterventionResult[];
}

export interface SubgraphNodeResult {
  readonly concept: ConceptRecord;
  readonly depth: number;
}

export interface SubgraphResult {
  readonly center: ConceptRecord;
  readonly nodes: readonly SubgraphNodeResult[];
  readonly relations: readonly RelationRecord[];
  readonly totalNodes: number;
  readonly totalRelations: number;
  readonly pageInfo: PageInfoResult;
}

import type { ConceptKind } from "../domain/concept-kind.js";
import type { XrefMatch } from "../domain/cross-reference.js";
import type { AgentType, KnowledgeLevel } from "../domain/evidence.js";
import type { TreatmentModality, WarningUrgency } from "../domain/knowledge-graph.model.js";
import type { Qualifiers } from "../domain/qualifier.js";
import type { RelationType } from "../domain/relation-type.js";

/** What the curation mutations take, free of GraphQL types (the GraphQL input classes have these shapes). */

/** A place in a source: source id, section id and the [start, end) character span. */
export interface LocatorInput {
  readonly source: string;
  readonly section: string;
  readonly start: number;
  readonly end: number;
}

export interface CrossReferenceInput {
  readonly curie: string;
  readonly match: XrefMatch;
}

export interface CreateConceptInput {
  readonly id: string;
  readonly kind: ConceptKind;
  readonly name: string;
  readonly synonyms?: readonly string[] | null;
  readonly summary: string;
  readonly xrefs?: readonly CrossReferenceInput[] | null;
  readonly mentions: readonly LocatorInput[];
  readonly modality?: TreatmentModality | null;
  readonly urgency?: WarningUrgency | null;
  /** The seed dataset the concept belongs to; the graph's only (or largest) dataset when absent. */
  readonly dataset?: string | null;
  readonly note?: string | null;
}

/** A partial update: absent fields keep their value; the kind never changes. */
export interface UpdateConceptInput {
  readonly id: string;
  readonly expectedVersion: number;
  readonly name?: string | null;
  readonly synonyms?: readonly string[] | null;
  readonly summary?: string | null;
  readonly xrefs?: readonly CrossReferenceInput[] | null;
  readonly mentions?: readonly LocatorInput[] | null;
  readonly modality?: TreatmentModality | null;
  readonly urgency?: WarningUrgency | null;
  readonly note?: string | null;
}

export interface EvidenceInput {
  readonly locator: LocatorInput;
  readonly citedSource?: string | null;
  readonly claim: string;
  readonly reasoning?: string | null;
  readonly knowledgeLevel: KnowledgeLevel;
  readonly agentType: AgentType;
}

export type QualifiersInput = { readonly [K in keyof Qualifiers]?: Qualifiers[K] | null };

export interface AddRelationInput {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly qualifiers?: QualifiersInput | null;
  readonly evidence: readonly EvidenceInput[];
  /** The seed dataset; the dataset of the `from` concept when absent. */
  readonly dataset?: string | null;
  readonly note?: string | null;
}

export interface AddEvidenceInput {
  readonly relationId: string;
  /** The relation's current version. */
  readonly expectedVersion: number;
  readonly evidence: EvidenceInput;
  readonly note?: string | null;
}

/** A retraction: what, why, and the version of the relation it was decided on. */
export interface RetractInput {
  readonly id: string;
  readonly reason: string;
  readonly expectedVersion: number;
}

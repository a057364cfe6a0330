import type { ConceptKind } from "./concept-kind.js";
import type { CrossReference } from "./cross-reference.js";
import type { AgentType, KnowledgeLevel } from "./evidence.js";
import type { Qualifiers } from "./qualifier.js";
import type { RelationType } from "./relation-type.js";
import type { Tour } from "./tour.model.js";

/** The validated knowledge graph as the loaders and stores see it, free of any database type. */

export const SOURCE_KINDS = ["article", "periodical", "organization"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const TREATMENT_MODALITIES = [
  "medication",
  "self_care",
  "activity_change",
  "exercise_therapy",
  "clinical_care",
] as const;
export type TreatmentModality = (typeof TREATMENT_MODALITIES)[number];

export const WARNING_URGENCIES = ["prompt", "routine"] as const;
export type WarningUrgency = (typeof WARNING_URGENCIES)[number];

export interface SourceSection {
  readonly id: string;
  /** The heading as printed in the source, or null where the passage has none. */
  readonly heading: string | null;
  /** Our label for a section, used where there is no heading. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly description: string;
  /** Id of the source that cites this one, for sources we know only through a citation. */
  readonly citedBy: string | null;
  readonly textFile: string | null;
  readonly length: number | null;
  readonly sha256: string | null;
  readonly sections: readonly SourceSection[];
}

/** A place in a source text: section plus the [start, end) character span. */
export interface Locator {
  readonly sourceId: string;
  readonly sectionId: string;
  readonly start: number;
  readonly end: number;
}

export interface Concept {
  readonly id: string;
  readonly kind: ConceptKind;
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly summary: string;
  readonly xrefs: readonly CrossReference[];
  readonly mentions: readonly Locator[];
  /** Set for treatments only. */
  readonly modality: TreatmentModality | null;
  /** Set for warning signs only. */
  readonly urgency: WarningUrgency | null;
  /** The seed folder the concept came from, e.g. "back-muscle-spasm". */
  readonly dataset: string;
}

export interface Evidence {
  /** Stable id: "<relation id>#<1-based position>". */
  readonly id: string;
  readonly relationId: string;
  readonly sourceId: string;
  /** The source the citing text attributes the claim to, when it names one. */
  readonly citedSourceId: string | null;
  readonly locator: Locator;
  readonly claim: string;
  readonly knowledgeLevel: KnowledgeLevel;
  readonly agentType: AgentType;
}

export interface Relation {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly qualifiers: Qualifiers;
  readonly evidence: readonly Evidence[];
  readonly dataset: string;
}

export interface KnowledgeGraph {
  readonly sources: readonly Source[];
  readonly concepts: readonly Concept[];
  readonly relations: readonly Relation[];
  /** Guided tours in seed order. */
  readonly tours: readonly Tour[];
}

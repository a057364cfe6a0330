import { Field, ID, InputType, Int } from "type-graphql";
import type { ConceptKind } from "../../domain/concept-kind.js";
import type { XrefMatch } from "../../domain/cross-reference.js";
import type { AgentType, KnowledgeLevel } from "../../domain/evidence.js";
import type { TreatmentModality, WarningUrgency } from "../../domain/knowledge-graph.model.js";
import type { Course, Frequency, Onset, Severity, SymptomContext } from "../../domain/qualifier.js";
import type { RelationType } from "../../domain/relation-type.js";
import {
  AgentTypeEnum,
  ConceptKindEnum,
  CourseEnum,
  FrequencyEnum,
  KnowledgeLevelEnum,
  MappingMatchEnum,
  OnsetEnum,
  RelationTypeEnum,
  SeverityEnum,
  SymptomContextEnum,
  TreatmentModalityEnum,
  WarningUrgencyEnum,
} from "./enums.js";

/** Inputs of the curation mutations. Every field is checked by the seed validator; errors name the field, e.g. input.evidence[0].locator.start. */

@InputType("LocatorInput", { description: "A passage of a source: section and the [start, end) character span, which must lie inside the section and not cut a word." })
export class LocatorInputGql {
  @Field(() => ID, { description: "A source with a text (see Query.sources)." })
  source!: string;

  @Field(() => ID, { description: "A section of that source." })
  section!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@InputType("CrossReferenceInput", { description: "A mapping to a standard vocabulary, as a CURIE such as MESH:D009120." })
export class CrossReferenceInputGql {
  @Field(() => String)
  curie!: string;

  @Field(() => MappingMatchEnum)
  match!: XrefMatch;
}

@InputType("CreateConceptInput", { description: "A new concept. Ids are lower-case kebab-case and unique." })
export class CreateConceptInputGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ConceptKindEnum)
  kind!: ConceptKind;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { nullable: true })
  synonyms?: string[] | null;

  @Field(() => String, { description: "In our own words: no run of more than five consecutive words of a source." })
  summary!: string;

  @Field(() => [CrossReferenceInputGql], { nullable: true })
  xrefs?: CrossReferenceInputGql[] | null;

  @Field(() => [LocatorInputGql], { description: "At least one passage of a source that discusses the concept." })
  mentions!: LocatorInputGql[];

  @Field(() => TreatmentModalityEnum, { nullable: true, description: "Required for treatments, refused for other kinds." })
  modality?: TreatmentModality | null;

  @Field(() => WarningUrgencyEnum, { nullable: true, description: "Required for warning signs, refused for other kinds." })
  urgency?: WarningUrgency | null;

  @Field(() => String, { nullable: true, description: "The seed dataset; the graph's main dataset when omitted." })
  dataset?: string | null;

  @Field(() => String, { nullable: true, description: "Why, for the change history." })
  note?: string | null;
}

@InputType("UpdateConceptInput", { description: "Changes to a concept at expectedVersion; omitted fields keep their value, and the kind never changes." })
export class UpdateConceptInputGql {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "The concept's version as last read (Concept.version); a stale one gets CONFLICT." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  synonyms?: string[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [CrossReferenceInputGql], { nullable: true })
  xrefs?: CrossReferenceInputGql[] | null;

  @Field(() => [LocatorInputGql], { nullable: true })
  mentions?: LocatorInputGql[] | null;

  @Field(() => TreatmentModalityEnum, { nullable: true })
  modality?: TreatmentModality | null;

  @Field(() => WarningUrgencyEnum, { nullable: true })
  urgency?: WarningUrgency | null;

  @Field(() => String, { nullable: true, description: "Why, for the change history." })
  note?: string | null;
}

@InputType("EvidenceInput", { description: "Why a relation holds: a claim in our own words and the passage that says it." })
export class EvidenceInputGql {
  @Field(() => LocatorInputGql)
  locator!: LocatorInputGql;

  @Field(() => ID, { nullable: true, description: "The source the passage attributes the claim to, when it cites one (required inside an attributed passage)." })
  citedSource?: string | null;

  @Field(() => String, { description: "In our own words: no run of more than five consecutive words of the source." })
  claim!: string;

  @Field(() => String, { nullable: true, description: "Required for every level but KNOWLEDGE_ASSERTION: how the claim follows from the passage." })
  reasoning?: string | null;

  @Field(() => KnowledgeLevelEnum)
  knowledgeLevel!: KnowledgeLevel;

  @Field(() => AgentTypeEnum)
  agentType!: AgentType;
}

@InputType("QualifiersInput", { description: "Refinements of a relation; omit what does not apply." })
export class QualifiersInputGql {
  @Field(() => SymptomContextEnum, { nullable: true })
  context?: SymptomContext | null;

  @Field(() => FrequencyEnum, { nullable: true })
  frequency?: Frequency | null;

  @Field(() => OnsetEnum, { nullable: true })
  onset?: Onset | null;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: Severity | null;

  @Field(() => CourseEnum, { nullable: true })
  course?: Course | null;

  @Field(() => String, { nullable: true })
  appliesWhen?: string | null;

  @Field(() => String, { nullable: true })
  timing?: string | null;
}

@InputType("AddRelationInput", { description: "A new relation between two existing concepts, with at least one evidence record." })
export class AddRelationInputGql {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationTypeEnum, { description: "Each type connects only certain kinds of concept (see the RelationType descriptions)." })
  type!: RelationType;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => QualifiersInputGql, { nullable: true })
  qualifiers?: QualifiersInputGql | null;

  @Field(() => [EvidenceInputGql])
  evidence!: EvidenceInputGql[];

  @Field(() => String, { nullable: true, description: "The seed dataset; the from concept's when omitted." })
  dataset?: string | null;

  @Field(() => String, { nullable: true, description: "Why, for the change history." })
  note?: string | null;
}

@InputType("AddEvidenceInput", { description: "One more evidence record for a relation at expectedVersion." })
export class AddEvidenceInputGql {
  @Field(() => ID)
  relationId!: string;

  @Field(() => Int, { description: "The relation's version as last read (Relation.version); a stale one gets CONFLICT." })
  expectedVersion!: number;

  @Field(() => EvidenceInputGql)
  evidence!: EvidenceInputGql;

  @Field(() => String, { nullable: true, description: "Why, for the change history." })
  note?: string | null;
}

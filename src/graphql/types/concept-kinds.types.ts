import { Field, ObjectType } from "type-graphql";
import { ConceptGql } from "./concept.interface.js";
import { TreatmentModalityEnum, WarningUrgencyEnum } from "./enums.js";

/**
 * One object type per concept kind. They share the Concept interface; the fields that follow each
 * kind's links are added by the resolvers in ../resolvers/*-fields.resolver.ts.
 */

@ObjectType("Condition", { implements: ConceptGql, description: "A medical condition, such as a back muscle spasm." })
export class ConditionGql extends ConceptGql {}

@ObjectType("Cause", { implements: ConceptGql, description: "A cause or risk factor that can set a condition in motion." })
export class CauseGql extends ConceptGql {}

@ObjectType("Mechanism", { implements: ConceptGql, description: "A step of the process between a cause and its effects." })
export class MechanismGql extends ConceptGql {}

@ObjectType("Symptom", { implements: ConceptGql, description: "Something the patient feels or shows." })
export class SymptomGql extends ConceptGql {}

@ObjectType("Treatment", { implements: ConceptGql, description: "A medication, self-care action or clinical step." })
export class TreatmentGql extends ConceptGql {
  @Field(() => TreatmentModalityEnum)
  modality!: string;
}

@ObjectType("Anatomy", { implements: ConceptGql, description: "A part of the body involved in a condition or mechanism." })
export class AnatomyGql extends ConceptGql {}

@ObjectType("WarningSign", { implements: ConceptGql, description: "A finding that should prompt medical attention or a change of behaviour." })
export class WarningSignGql extends ConceptGql {
  @Field(() => WarningUrgencyEnum)
  urgency!: string;
}

@ObjectType("Activity", { implements: ConceptGql, description: "An activity or context that changes how a symptom behaves." })
export class ActivityGql extends ConceptGql {}

@ObjectType("Complication", { implements: ConceptGql, description: "Harm that can follow a condition handled badly." })
export class ComplicationGql extends ConceptGql {}

/** Every concept object type, for schema registration (orphanedTypes). */
export const CONCEPT_OBJECT_TYPES = [
  ConditionGql,
  CauseGql,
  MechanismGql,
  SymptomGql,
  TreatmentGql,
  AnatomyGql,
  WarningSignGql,
  ActivityGql,
  ComplicationGql,
] as const;

/**
 * The kinds of concept the knowledge graph distinguishes, each mapped to the Biolink category that
 * researchers and exporters (KGX) expect.
 */
export const CONCEPT_KINDS = [
  "condition",
  "cause",
  "mechanism",
  "symptom",
  "treatment",
  "anatomy",
  "warning_sign",
  "activity",
  "complication",
] as const;

export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export interface ConceptKindInfo {
  readonly kind: ConceptKind;
  /** Neo4j label added beside :Concept; PascalCase so it reads like the GraphQL type. */
  readonly label: string;
  readonly biolinkCategory: string;
  readonly description: string;
}

export const CONCEPT_KIND_INFO: Readonly<Record<ConceptKind, ConceptKindInfo>> = {
  condition: {
    kind: "condition",
    label: "Condition",
    biolinkCategory: "biolink:Disease",
    description: "A medical condition the graph is about, such as a back muscle spasm.",
  },
  cause: {
    kind: "cause",
    label: "Cause",
    biolinkCategory: "biolink:DiseaseOrPhenotypicFeature",
    description: "A cause or risk factor that can set a condition in motion (an injury, a strain, an infection).",
  },
  mechanism: {
    kind: "mechanism",
    label: "Mechanism",
    biolinkCategory: "biolink:PathologicalProcess",
    description: "A step of the process that links a cause to a condition or a symptom.",
  },
  symptom: {
    kind: "symptom",
    label: "Symptom",
    biolinkCategory: "biolink:PhenotypicFeature",
    description: "Something the patient feels or shows.",
  },
  treatment: {
    kind: "treatment",
    label: "Treatment",
    biolinkCategory: "biolink:Treatment",
    description: "A medication, self-care action or clinical step that acts on a condition, symptom or mechanism.",
  },
  anatomy: {
    kind: "anatomy",
    label: "Anatomy",
    biolinkCategory: "biolink:GrossAnatomicalStructure",
    description: "A part of the body involved in a condition or mechanism.",
  },
  warning_sign: {
    kind: "warning_sign",
    label: "WarningSign",
    biolinkCategory: "biolink:ClinicalFinding",
    description: "A finding that should prompt medical attention or a change of behaviour.",
  },
  activity: {
    kind: "activity",
    label: "Activity",
    biolinkCategory: "biolink:Behavior",
    description: "An activity or context (movement, exercise, rest) that changes how a symptom behaves.",
  },
  complication: {
    kind: "complication",
    label: "Complication",
    biolinkCategory: "biolink:Disease",
    description: "Harm that can follow when a condition is handled badly, such as exercising through spasm pain.",
  },
};

/** True when the value is one of the known concept kinds. */
export function isConceptKind(value: unknown): value is ConceptKind {
  return typeof value === "string" && (CONCEPT_KINDS as readonly string[]).includes(value);
}

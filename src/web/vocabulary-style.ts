/**
 * How each concept kind and relation type looks, and how to say enum values in plain words.
 * Every kind has its own colour AND shape, so nothing is told by colour alone; colours keep at
 * least 3:1 contrast against the white canvas (WCAG 1.4.11).
 */
export interface KindStyle {
  readonly label: string;
  readonly color: string;
  readonly shape: string;
  /** The same shape as an SVG polygon/ellipse for the legend, in a 20x20 box. */
  readonly icon: string;
}

export const KIND_STYLES: Readonly<Record<string, KindStyle>> = {
  CONDITION: { label: "Condition", color: "#b2182b", shape: "ellipse", icon: '<circle cx="10" cy="10" r="8"/>' },
  CAUSE: { label: "Cause", color: "#8a4b08", shape: "triangle", icon: '<polygon points="10,2 18,18 2,18"/>' },
  MECHANISM: { label: "Mechanism", color: "#5e3c99", shape: "diamond", icon: '<polygon points="10,1 19,10 10,19 1,10"/>' },
  SYMPTOM: { label: "Symptom", color: "#c2185b", shape: "round-rectangle", icon: '<rect x="2" y="4" width="16" height="12" rx="4"/>' },
  TREATMENT: { label: "Treatment", color: "#1b7837", shape: "rectangle", icon: '<rect x="2" y="4" width="16" height="12"/>' },
  ANATOMY: { label: "Anatomy", color: "#4d4d4d", shape: "hexagon", icon: '<polygon points="5,2 15,2 19,10 15,18 5,18 1,10"/>' },
  ACTIVITY: { label: "Activity", color: "#1f5fa8", shape: "pentagon", icon: '<polygon points="10,1 19,8 15,18 5,18 1,8"/>' },
  COMPLICATION: { label: "Complication", color: "#a63603", shape: "vee", icon: '<polygon points="1,3 10,9 19,3 10,19"/>' },
  WARNING_SIGN: { label: "Warning sign", color: "#b35806", shape: "star", icon: '<polygon points="10,1 12.5,7.5 19,7.5 14,11.5 16,18.5 10,14.5 4,18.5 6,11.5 1,7.5 7.5,7.5"/>' },
};

const FALLBACK: KindStyle = { label: "Concept", color: "#4d4d4d", shape: "ellipse", icon: '<circle cx="10" cy="10" r="8"/>' };

/** The style of a kind; unknown kinds get a neutral circle. */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? FALLBACK;
}

/** "CONTRIBUTES_TO" as "contributes to". */
export function relationLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, " ");
}

const KNOWLEDGE_LEVEL: Record<string, string> = {
  KNOWLEDGE_ASSERTION: "stated as established knowledge by the source",
  LOGICAL_ENTAILMENT: "follows logically from other statements",
  OBSERVATION: "reported as something observed",
  PREDICTION: "a prediction or hypothesis, not yet shown",
  STATISTICAL_ASSOCIATION: "a statistical association, not necessarily cause and effect",
  NOT_PROVIDED: "not stated",
};

const AGENT_TYPE: Record<string, string> = {
  MANUAL_AGENT: "a person who read the source and wrote the claim",
  MANUAL_VALIDATION_OF_AUTOMATED_AGENT: "a program, checked by a person",
  AUTOMATED_AGENT: "a program",
  TEXT_MINING_AGENT: "a text-mining program",
  DATA_ANALYSIS_PIPELINE: "a data-analysis pipeline",
  COMPUTATIONAL_MODEL: "a computational model",
  IMAGE_PROCESSING_AGENT: "an image-processing program",
  NOT_PROVIDED: "not stated",
};

/** A Biolink knowledge level in plain words. */
export function knowledgeLevelWords(level: string): string {
  return KNOWLEDGE_LEVEL[level] ?? relationLabel(level);
}

/** A Biolink agent type in plain words. */
export function agentTypeWords(agent: string): string {
  return AGENT_TYPE[agent] ?? relationLabel(agent);
}

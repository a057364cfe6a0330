import type { ConceptKind } from "./concept-kind.js";
import { CAUSAL_RELATION_TYPES, INTERVENTION_RELATION_TYPES, type RelationType } from "./relation-type.js";

/**
 * The named ways of following links from a concept that the API exposes as fields (a condition's
 * symptoms, a symptom's conditions, ...). Declared once here so every backend and the schema agree.
 */
export interface DirectView {
  readonly mode: "direct";
  readonly direction: "out" | "in";
  readonly types: readonly RelationType[];
  readonly kinds: readonly ConceptKind[] | null;
  readonly description: string;
}

export interface TransitiveView {
  readonly mode: "transitive";
  readonly direction: "upstream" | "downstream";
  readonly types: readonly RelationType[];
  readonly kinds: readonly ConceptKind[];
  readonly description: string;
}

export type ConceptView = DirectView | TransitiveView;

const direct = (direction: "out" | "in", types: readonly RelationType[], kinds: readonly ConceptKind[] | null, description: string): DirectView => ({
  mode: "direct", direction, types, kinds, description,
});

/** Largest number of causal hops a transitive view follows. */
export const TRANSITIVE_VIEW_DEPTH = 8;

export const CONCEPT_VIEWS = {
  broader: direct("out", ["SUBCLASS_OF"], null, "More general concepts this one is a kind of."),
  narrower: direct("in", ["SUBCLASS_OF"], null, "More specific kinds of this concept."),
  causedBy: direct("in", CAUSAL_RELATION_TYPES, null, "What directly causes, precedes or contributes to this concept."),
  leadsTo: direct("out", CAUSAL_RELATION_TYPES, null, "What this concept directly causes, precedes or contributes to."),

  conditionSymptoms: direct("out", ["HAS_SYMPTOM"], ["symptom"], "Symptoms the condition presents with."),
  conditionWarningSigns: direct("out", ["HAS_WARNING_SIGN"], ["warning_sign"], "Warning signs in the course of the condition."),
  conditionComplications: direct("out", ["HAS_COMPLICATION"], ["complication"], "Complications that can follow the condition."),
  location: direct("out", ["LOCATED_IN"], ["anatomy"], "Where in the body it is found."),
  occursIn: direct("out", ["OCCURS_IN"], ["anatomy"], "Where in the body the mechanism takes place."),
  occursDuring: direct("out", ["OCCURS_DURING"], ["activity"], "Activities in the course of which it happens."),

  symptomConditions: direct("in", ["HAS_SYMPTOM"], ["condition"], "Conditions that present with this symptom."),
  aggravatedBy: direct("in", ["AGGRAVATES"], ["activity"], "Activities that make it worse."),
  relievedBy: direct("in", ["AMELIORATES"], ["treatment"], "Treatments that ease it."),

  treatmentTreats: direct("out", ["TREATS"], null, "What the treatment is used for as a whole."),
  warrantedBy: direct("in", ["WARRANTS"], ["warning_sign"], "Warning signs that call for this action."),
  warningSignConditions: direct("in", ["HAS_WARNING_SIGN"], ["condition"], "Conditions this warning sign belongs to."),
  warrants: direct("out", ["WARRANTS"], ["treatment"], "Actions the warning sign calls for."),
  complicationConditions: direct("in", ["HAS_COMPLICATION"], ["condition"], "Conditions this complication can follow."),

  partOf: direct("out", ["PART_OF"], ["anatomy"], "Larger structures this one belongs to."),
  parts: direct("in", ["PART_OF"], ["anatomy"], "Structures that are part of this one."),
  involvedIn: direct("in", ["LOCATED_IN", "OCCURS_IN"], null, "Conditions, symptoms and mechanisms located here."),
  aggravates: direct("out", ["AGGRAVATES"], null, "Symptoms or conditions this activity makes worse."),
  contextOf: direct("in", ["OCCURS_DURING"], null, "Causes and findings that happen during this activity."),
  limitedBy: direct("in", ["LIMITS"], ["treatment"], "Advice that stops or cuts back this activity."),
  limits: direct("out", ["LIMITS"], ["activity"], "Activities this advice stops or cuts back."),

  upstreamCauses: {
    mode: "transitive", direction: "upstream", types: CAUSAL_RELATION_TYPES, kinds: ["cause"],
    description: "Causes anywhere up the causal chains that lead here.",
  },
  upstreamMechanisms: {
    mode: "transitive", direction: "upstream", types: CAUSAL_RELATION_TYPES, kinds: ["mechanism"],
    description: "Mechanisms anywhere up the causal chains that lead here.",
  },
  downstreamConditions: {
    mode: "transitive", direction: "downstream", types: CAUSAL_RELATION_TYPES, kinds: ["condition", "complication"],
    description: "Conditions and complications this concept can lead to, directly or through a chain.",
  },
} as const satisfies Record<string, ConceptView>;

export type ConceptViewName = keyof typeof CONCEPT_VIEWS;

/** Relation types through which a treatment acts; re-exported for the intervention views. */
export const INTERVENTION_TYPES: readonly RelationType[] = INTERVENTION_RELATION_TYPES;

/** Relation types that put a finding in a condition's scope when collecting its treatment options. */
export const CONDITION_FINDING_TYPES: readonly RelationType[] = ["HAS_SYMPTOM", "HAS_WARNING_SIGN", "HAS_COMPLICATION"];

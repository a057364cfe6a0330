import type { ConceptKind } from "./concept-kind.js";

/** Relation types of the graph; also the Neo4j relationship types, so they are UPPER_SNAKE_CASE. */
export const RELATION_TYPES = [
  "CAUSES",
  "CONTRIBUTES_TO",
  "PRECEDES",
  "HAS_SYMPTOM",
  "HAS_WARNING_SIGN",
  "HAS_COMPLICATION",
  "LOCATED_IN",
  "OCCURS_IN",
  "PART_OF",
  "SUBCLASS_OF",
  "TREATS",
  "AMELIORATES",
  "REDUCES",
  "PREVENTS",
  "AGGRAVATES",
  "WARRANTS",
  "OCCURS_DURING",
  "LIMITS",
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

/** How our relation type relates to the Biolink predicate it is exported as. */
export type PredicateMatch = "exact" | "broader";

export interface RelationTypeInfo {
  readonly type: RelationType;
  /** The Biolink predicate: the exact one, or the nearest broader one when `match` is "broader". */
  readonly biolinkPredicate: string;
  readonly match: PredicateMatch;
  /** Our own predicate name, set when Biolink has no exact predicate. */
  readonly ownPredicate?: string;
  /** Follows cause to effect; these are the edges path and explain queries walk. */
  readonly causal: boolean;
  /** Acts on its target to make it better or stop it; explain uses these to place treatments. */
  readonly intervention: boolean;
  readonly from: readonly ConceptKind[];
  readonly to: readonly ConceptKind[];
  readonly description: string;
}

const PROCESS_SOURCES: readonly ConceptKind[] = ["cause", "mechanism", "symptom", "condition", "activity", "complication"];
const PROCESS_TARGETS: readonly ConceptKind[] = ["mechanism", "symptom", "condition", "complication"];
const ALL_KINDS: readonly ConceptKind[] = [
  "condition", "cause", "mechanism", "symptom", "treatment", "anatomy", "warning_sign", "activity", "complication",
];

export const RELATION_TYPE_INFO: Readonly<Record<RelationType, RelationTypeInfo>> = {
  CAUSES: {
    type: "CAUSES", biolinkPredicate: "biolink:causes", match: "exact", causal: true, intervention: false,
    from: PROCESS_SOURCES, to: PROCESS_TARGETS,
    description: "The source brings the target about.",
  },
  CONTRIBUTES_TO: {
    type: "CONTRIBUTES_TO", biolinkPredicate: "biolink:contributes_to", match: "exact", causal: true, intervention: false,
    from: PROCESS_SOURCES, to: PROCESS_TARGETS,
    description: "The source is one of the factors that bring the target about or make it worse.",
  },
  PRECEDES: {
    type: "PRECEDES", biolinkPredicate: "biolink:precedes", match: "exact", causal: true, intervention: false,
    from: ["mechanism", "symptom", "cause"], to: ["mechanism", "symptom"],
    description: "One step of a mechanism is followed by the next.",
  },
  HAS_SYMPTOM: {
    type: "HAS_SYMPTOM", biolinkPredicate: "biolink:has_phenotype", match: "exact", causal: false, intervention: false,
    from: ["condition"], to: ["symptom"],
    description: "The condition presents with the symptom; the context qualifier says when.",
  },
  HAS_WARNING_SIGN: {
    type: "HAS_WARNING_SIGN", biolinkPredicate: "biolink:has_phenotype", match: "broader", ownPredicate: "kg:has_warning_sign",
    causal: false, intervention: false,
    from: ["condition"], to: ["warning_sign"],
    description: "A finding in the course of the condition that should prompt action.",
  },
  HAS_COMPLICATION: {
    type: "HAS_COMPLICATION", biolinkPredicate: "biolink:related_to", match: "broader", ownPredicate: "kg:has_complication",
    causal: false, intervention: false,
    from: ["condition"], to: ["complication"],
    description: "Harm that can follow the condition, usually under the circumstances named in the qualifiers.",
  },
  LOCATED_IN: {
    type: "LOCATED_IN", biolinkPredicate: "biolink:disease_has_location", match: "exact", causal: false, intervention: false,
    from: ["condition", "symptom", "cause", "complication", "warning_sign"], to: ["anatomy"],
    description: "Where in the body the condition or symptom is found.",
  },
  OCCURS_IN: {
    type: "OCCURS_IN", biolinkPredicate: "biolink:occurs_in", match: "exact", causal: false, intervention: false,
    from: ["mechanism"], to: ["anatomy"],
    description: "Where in the body a mechanism takes place.",
  },
  PART_OF: {
    type: "PART_OF", biolinkPredicate: "biolink:part_of", match: "exact", causal: false, intervention: false,
    from: ["anatomy"], to: ["anatomy"],
    description: "An anatomical structure is part of a larger one.",
  },
  SUBCLASS_OF: {
    type: "SUBCLASS_OF", biolinkPredicate: "biolink:subclass_of", match: "exact", causal: false, intervention: false,
    from: ALL_KINDS, to: ALL_KINDS,
    description: "The source is a more specific kind of the target.",
  },
  TREATS: {
    type: "TREATS", biolinkPredicate: "biolink:treats", match: "exact", causal: false, intervention: true,
    from: ["treatment"], to: ["condition", "cause", "complication"],
    description: "The treatment is used for the condition as a whole.",
  },
  AMELIORATES: {
    type: "AMELIORATES", biolinkPredicate: "biolink:ameliorates_condition", match: "exact", causal: false, intervention: true,
    from: ["treatment"], to: ["symptom", "condition", "complication"],
    description: "The treatment eases an existing symptom or condition.",
  },
  REDUCES: {
    type: "REDUCES", biolinkPredicate: "biolink:affects", match: "broader", ownPredicate: "kg:reduces",
    causal: false, intervention: true,
    from: ["treatment"], to: ["mechanism"],
    description: "The treatment damps a mechanism (for example swelling); exported as biolink:affects with a decreased direction.",
  },
  PREVENTS: {
    type: "PREVENTS", biolinkPredicate: "biolink:preventative_for_condition", match: "exact", causal: false, intervention: true,
    from: ["treatment"], to: ["condition", "complication", "mechanism", "cause"],
    description: "The treatment or action keeps the target from happening, or from happening again.",
  },
  AGGRAVATES: {
    type: "AGGRAVATES", biolinkPredicate: "biolink:exacerbates_condition", match: "exact", causal: false, intervention: false,
    from: ["activity"], to: ["symptom", "condition"],
    description: "The activity makes an existing symptom or condition worse.",
  },
  WARRANTS: {
    type: "WARRANTS", biolinkPredicate: "biolink:related_to", match: "broader", ownPredicate: "kg:warrants",
    causal: false, intervention: false,
    from: ["warning_sign"], to: ["treatment"],
    description: "The warning sign calls for the action (see a doctor, stop exercising).",
  },
  OCCURS_DURING: {
    type: "OCCURS_DURING", biolinkPredicate: "biolink:related_to", match: "broader", ownPredicate: "kg:occurs_during",
    causal: false, intervention: false,
    from: ["cause", "symptom", "warning_sign", "complication"], to: ["activity"],
    description: "The cause or finding happens in the course of the activity.",
  },
  LIMITS: {
    type: "LIMITS", biolinkPredicate: "biolink:related_to", match: "broader", ownPredicate: "kg:limits",
    causal: false, intervention: false,
    from: ["treatment"], to: ["activity"],
    description: "The advice stops or cuts back the activity (stay out of sport, stop exercising, sit down).",
  },
};

/** Relation types that carry cause to effect, the default for path queries. */
export const CAUSAL_RELATION_TYPES: readonly RelationType[] = RELATION_TYPES.filter((t) => RELATION_TYPE_INFO[t].causal);

/** Relation types by which a treatment acts on something. */
export const INTERVENTION_RELATION_TYPES: readonly RelationType[] = RELATION_TYPES.filter(
  (t) => RELATION_TYPE_INFO[t].intervention,
);

/** True when the value is one of the known relation types. */
export function isRelationType(value: unknown): value is RelationType {
  return typeof value === "string" && (RELATION_TYPES as readonly string[]).includes(value);
}

import { registerEnumType } from "type-graphql";
import { CONCEPT_KINDS, CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import { XREF_MATCHES, XREF_PREFIXES } from "../../domain/cross-reference.js";
import { AGENT_TYPES, KNOWLEDGE_LEVELS } from "../../domain/evidence.js";
import { RECORD_SEARCH_FIELDS } from "../../domain/record-search-ranking.js";
import { SOURCE_KINDS, TREATMENT_MODALITIES, WARNING_URGENCIES } from "../../domain/knowledge-graph.model.js";
import { COURSES, FREQUENCIES, ONSETS, SEVERITIES, SYMPTOM_CONTEXTS } from "../../domain/qualifier.js";
import { RELATION_TYPES, RELATION_TYPE_INFO } from "../../domain/relation-type.js";

/**
 * GraphQL enums built from the domain vocabularies: the GraphQL names are UPPER_CASE, the internal
 * values are the domain's own strings, so resolvers pass values through without translation.
 */
function enumOf<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

function describe<T extends string>(values: readonly T[], text: (v: T) => string): Record<string, { description: string }> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), { description: text(v) }]));
}

export const ConceptKindEnum = enumOf(CONCEPT_KINDS);
registerEnumType(ConceptKindEnum, {
  name: "ConceptKind",
  description: "The kinds of concept in the graph; each maps to a Biolink category.",
  valuesConfig: describe(CONCEPT_KINDS, (k) => `${CONCEPT_KIND_INFO[k].description} (${CONCEPT_KIND_INFO[k].biolinkCategory})`),
});

export const RelationTypeEnum = enumOf(RELATION_TYPES);
registerEnumType(RelationTypeEnum, {
  name: "RelationType",
  description: "Typed, directed relations between concepts; each maps to a Biolink predicate.",
  valuesConfig: describe(RELATION_TYPES, (t) => `${RELATION_TYPE_INFO[t].description} (${RELATION_TYPE_INFO[t].biolinkPredicate})`),
});

export const SymptomContextEnum = enumOf(SYMPTOM_CONTEXTS);
registerEnumType(SymptomContextEnum, {
  name: "SymptomContext",
  description:
    "When a relation applies: at rest, during movement or during exercise. A relation without a context applies in every context; " +
    "exercise is a kind of movement, so what holds during movement also holds during exercise.",
});

/** The description every `context` argument shares, so the schema states the rule once in the same words. */
export const CONTEXT_ARG_DESCRIPTION =
  "Follow only relations that apply in this context (context-free relations apply in every one). " +
  "When absent, the context the parent concept was reached in (for example through symptoms(context:)) is used.";

export const FrequencyEnum = enumOf(FREQUENCIES);
registerEnumType(FrequencyEnum, { name: "Frequency", description: "How often, or how surely, the source says the relation holds." });

export const OnsetEnum = enumOf(ONSETS);
registerEnumType(OnsetEnum, { name: "Onset", description: "How quickly a symptom appears." });

export const SeverityEnum = enumOf(SEVERITIES);
registerEnumType(SeverityEnum, {
  name: "Severity",
  description: "How strong a symptom is (MINIMAL: few or no noticeable symptoms), or whether it is getting worse.",
});

export const CourseEnum = enumOf(COURSES);
registerEnumType(CourseEnum, {
  name: "Course",
  description: "How a condition runs over time: isolated episodes, recurrent episodes, or episodes that come more and more often.",
});

export const KnowledgeLevelEnum = enumOf(KNOWLEDGE_LEVELS);
registerEnumType(KnowledgeLevelEnum, { name: "KnowledgeLevel", description: "Biolink knowledge level of a statement." });

export const AgentTypeEnum = enumOf(AGENT_TYPES);
registerEnumType(AgentTypeEnum, { name: "AgentType", description: "Biolink agent type: who produced the statement." });

export const SourceKindEnum = enumOf(SOURCE_KINDS);
registerEnumType(SourceKindEnum, { name: "SourceKind", description: "What kind of source a claim comes from." });

export const TreatmentModalityEnum = enumOf(TREATMENT_MODALITIES);
registerEnumType(TreatmentModalityEnum, { name: "TreatmentModality", description: "How a treatment is given or done." });

export const WarningUrgencyEnum = enumOf(WARNING_URGENCIES);
registerEnumType(WarningUrgencyEnum, { name: "WarningUrgency", description: "How soon a warning sign should be acted on." });

export const XrefPrefixEnum = enumOf(XREF_PREFIXES);
registerEnumType(XrefPrefixEnum, { name: "XrefPrefix", description: "Standard vocabularies the graph cross-references." });

export const MappingMatchEnum = enumOf(XREF_MATCHES);
registerEnumType(MappingMatchEnum, { name: "MappingMatch", description: "SKOS-style strength of a mapping to a standard term." });

export const PredicateMatchEnum = enumOf(["exact", "broader"] as const);
registerEnumType(PredicateMatchEnum, {
  name: "PredicateMatch",
  description: "Whether the Biolink predicate is an exact match for the relation type or the nearest broader one.",
});

export const RelationDirectionEnum = { OUTGOING: "out", INCOMING: "in", BOTH: "both" } as const;
registerEnumType(RelationDirectionEnum, { name: "RelationDirection", description: "Which way relations are followed from a concept." });

export const ConceptOrderEnum = { NAME_ASC: "NAME_ASC", NAME_DESC: "NAME_DESC", ID_ASC: "ID_ASC", ID_DESC: "ID_DESC" } as const;
registerEnumType(ConceptOrderEnum, { name: "ConceptOrder", description: "Orderings for concept lists; names sort case-insensitively." });

export const SearchFieldEnum = enumOf(["name", "synonym", "summary", ...RECORD_SEARCH_FIELDS] as const);
registerEnumType(SearchFieldEnum, {
  name: "SearchField",
  description: "Which text matched a search best: NAME, SYNONYM or SUMMARY of a concept; TITLE, KIND or DESCRIPTION of a source; CLAIM or CITED_SOURCE of a claim.",
});

import type { ConceptViewName } from "../../domain/concept-views.js";
import type { ConceptProperty } from "../../plan/read-plan.js";

/**
 * How each field of the concept types is answered, so the planner can read it ahead: a record
 * property, a named view (with or without a context argument, as its resolver takes it), or one of
 * the intervention fields. A field missing here is answered by its resolver, outside the plan.
 * Must mirror the resolvers in src/graphql/resolvers/*-fields.resolver.ts.
 */
export type ConceptFieldRule =
  | { readonly rule: "property"; readonly properties: readonly ConceptProperty[] }
  | { readonly rule: "view"; readonly view: ConceptViewName; readonly contextArg: boolean }
  | { readonly rule: "treatmentOptions" }
  | { readonly rule: "interventions" };

const prop = (...properties: ConceptProperty[]): ConceptFieldRule => ({ rule: "property", properties });
const view = (name: ConceptViewName, contextArg = false): ConceptFieldRule => ({ rule: "view", view: name, contextArg });

/** Fields of the Concept interface, shared by every kind. */
const COMMON: Readonly<Record<string, ConceptFieldRule>> = {
  __typename: prop("kind"),
  id: prop("id"),
  kind: prop("kind"),
  name: prop("name"),
  synonyms: prop("synonyms"),
  summary: prop("summary"),
  dataset: prop("dataset"),
  xrefs: prop("xrefs"),
  mentions: prop("mentions"),
  biolinkCategory: prop("kind"),
  broader: view("broader"),
  narrower: view("narrower"),
  causedBy: view("causedBy"),
  leadsTo: view("leadsTo"),
  interventions: { rule: "interventions" },
};

/** Fields of each kind's own object type, by GraphQL type name. */
const BY_TYPE: Readonly<Record<string, Readonly<Record<string, ConceptFieldRule>>>> = {
  Condition: {
    causes: view("upstreamCauses"),
    mechanisms: view("upstreamMechanisms"),
    symptoms: view("conditionSymptoms", true),
    treatments: { rule: "treatmentOptions" },
    warningSigns: view("conditionWarningSigns", true),
    complications: view("conditionComplications", true),
    anatomy: view("location"),
  },
  Symptom: {
    conditions: view("symptomConditions", true),
    aggravatedBy: view("aggravatedBy", true),
    relievedBy: view("relievedBy", true),
    location: view("location"),
  },
  Activity: { aggravates: view("aggravates"), contextOf: view("contextOf"), limitedBy: view("limitedBy") },
  Anatomy: { partOf: view("partOf"), parts: view("parts"), involvedIn: view("involvedIn") },
  Cause: { conditions: view("downstreamConditions"), occursDuring: view("occursDuring"), location: view("location") },
  Complication: { conditions: view("complicationConditions"), location: view("location") },
  Mechanism: { occursIn: view("occursIn"), conditions: view("downstreamConditions") },
  Treatment: { modality: prop("modality"), treats: view("treatmentTreats"), limits: view("limits"), warrantedBy: view("warrantedBy") },
  WarningSign: { urgency: prop("urgency"), conditions: view("warningSignConditions"), warrants: view("warrants"), occursDuring: view("occursDuring") },
};

/** The rule for a field of a concept type, or undefined when its resolver answers it outside plans. */
export function conceptFieldRule(typeName: string, fieldName: string): ConceptFieldRule | undefined {
  return BY_TYPE[typeName]?.[fieldName] ?? COMMON[fieldName];
}

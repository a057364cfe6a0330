import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
} from "graphql";
import { CONCEPT_KIND_INFO, type ConceptKind } from "../../domain/concept-kind.js";
import { CONCEPT_VIEWS } from "../../domain/concept-views.js";
import type { SymptomContext } from "../../domain/qualifier.js";
import type { EvidenceFilter } from "../../domain/evidence-filter.js";
import { BadUserInputError } from "../../errors/app-errors.js";
import {
  ALL_PROPERTIES,
  CONCEPT_PROPERTIES,
  FULL_SELECTION,
  IDENTITY_PROPERTIES,
  RECORD_ONLY,
  type ConceptProperty,
  type ConceptSelection,
  type EvidenceListPlan,
  type EvidenceRelationPlan,
  type EvidenceSelection,
  type LinkPlan,
  type RelationEndPlan,
  type RelationSelection,
} from "../../plan/read-plan.js";
import { evidenceFilterOf, type EvidenceFilterArgs } from "../../services/evidence-filter.rules.js";
import { collectSubfields, type CollectContext } from "./collect-subfields.js";
import { conceptFieldRule } from "./concept-field-rules.js";
import { memoizedPlan } from "./plan-memo.js";

/**
 * Reads a root field's selection set (aliases, fragments, inline fragments on concept kinds,
 * variables, @skip/@include) into the selections of a read plan. What it cannot plan it leaves to the
 * resolvers, and then asks for every property, so those resolvers see whole records.
 */

const KIND_BY_TYPE_NAME = new Map(Object.entries(CONCEPT_KIND_INFO).map(([kind, info]) => [info.label, kind as ConceptKind]));

/** The collection context of a resolver call. */
export function collectContextOf(info: GraphQLResolveInfo): CollectContext {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
}

/** The concept selection of a field whose value is a concept (or a list of them): `info.fieldNodes` of the root `concept` field. */
export function conceptSelectionOf(info: GraphQLResolveInfo): ConceptSelection {
  return memoizedPlan(info, () => planConcept(collectContextOf(info), info.fieldNodes, getNamedType(info.returnType) as never, null));
}

/** The object types a concept position can hold: the one object type, or every implementation of the interface. */
function conceptTypes(ctx: CollectContext, type: unknown): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return [...ctx.schema.getPossibleTypes(type)];
  return [];
}

/** Plans what is read of the concepts at a position whose fields are `nodes`' selection sets. */
export function planConcept(ctx: CollectContext, nodes: readonly FieldNode[], positionType: unknown, inherited: SymptomContext | null): ConceptSelection {
  const types = conceptTypes(ctx, positionType);
  const properties = new Set<ConceptProperty>(IDENTITY_PROPERTIES);
  const entries = new Map<string, { link: LinkPlan; kinds: ConceptKind[] }>();
  let whole = false;
  for (const type of types) {
    const kind = KIND_BY_TYPE_NAME.get(type.name);
    if (kind === undefined) return FULL_SELECTION;
    for (const [key, fieldNodes] of collectSubfields(ctx, type, nodes)) {
      const first = fieldNodes[0] as FieldNode;
      const planned = planConceptField(ctx, type, key, fieldNodes, first, inherited);
      if (planned === null) {
        whole = true;
        continue;
      }
      for (const p of planned.properties) properties.add(p);
      if (planned.link === null) continue;
      const id = JSON.stringify([key, planned.link]);
      const entry = entries.get(id) ?? { link: planned.link, kinds: [] };
      entry.kinds.push(kind);
      entries.set(id, entry);
    }
  }
  const links = [...entries.values()].map(({ link, kinds }) => ({ ...link, parentKinds: kinds.length === types.length ? null : kinds }));
  return { properties: whole ? ALL_PROPERTIES : CONCEPT_PROPERTIES.filter((p) => properties.has(p)), links };
}

type PlannedField = { properties: readonly ConceptProperty[]; link: LinkPlan | null };

/** One field of a concept type: the properties it reads and the link it follows; null when its resolver answers it. */
function planConceptField(ctx: CollectContext, type: GraphQLObjectType, key: string, fieldNodes: readonly FieldNode[], first: FieldNode, inherited: SymptomContext | null): PlannedField | null {
  const rule = conceptFieldRule(type.name, first.name.value);
  if (rule === undefined) return null;
  if (rule.rule === "property") return { properties: rule.properties, link: null };
  const field = type.getFields()[first.name.value];
  if (field === undefined) return null;
  const args = argumentsOf(ctx, field, first);
  const evidence = args === null ? undefined : plannedFilter(args["evidence"]);
  if (args === null || evidence === undefined) return null;
  const own = (args["context"] ?? null) as SymptomContext | null;
  const childType = getNamedType(field.type);
  if (rule.rule === "view") {
    const context = rule.contextArg ? (own ?? inherited) : null;
    // Concepts reached through a direct view in a context pass it on; transitive views pass none on.
    const passOn = CONCEPT_VIEWS[rule.view].mode === "direct" ? context : null;
    return { properties: [], link: { link: "view", key, parentKinds: null, evidence, view: rule.view, context, select: planConcept(ctx, fieldNodes, childType, passOn) } };
  }
  if (rule.rule === "treatmentOptions") {
    const parts = planInterventionFields(ctx, childType, fieldNodes, true);
    if (parts === null) return null;
    return { properties: [], link: { link: "treatmentOptions", key, parentKinds: null, evidence, treatment: parts.treatment, target: parts.target, relation: parts.relation } };
  }
  const parts = planInterventionFields(ctx, childType, fieldNodes, false);
  // The target of an intervention is the concept itself: it can add properties, but no links of its own.
  if (parts === null || parts.target.links.length > 0) return null;
  return { properties: parts.target.properties, link: { link: "interventions", key, parentKinds: null, evidence, context: own ?? inherited, treatment: parts.treatment, relation: parts.relation } };
}

/**
 * The normalised `evidence:` argument of a field (null: no filtering); undefined when it is invalid (an
 * empty list), so the field's resolver answers and reports it. Whether its sources exist is checked by
 * the plan itself, which answers the field with the same error its resolver would.
 */
function plannedFilter(args: unknown): EvidenceFilter | null | undefined {
  try {
    return evidenceFilterOf(args as EvidenceFilterArgs | null | undefined);
  } catch (error) {
    if (error instanceof BadUserInputError) return undefined;
    throw error;
  }
}

/**
 * The selections under TreatmentOption ({treatment, actsOn: [Intervention]}) or Intervention
 * ({treatment, relation, target, viaRelation}); null when a field is outside what plans cover.
 */
function planInterventionFields(ctx: CollectContext, type: unknown, nodes: readonly FieldNode[], grouped: boolean): { treatment: ConceptSelection; target: ConceptSelection; relation: RelationSelection } | null {
  if (!isObjectType(type)) return null;
  const treatments: ConceptSelection[] = [];
  const targets: ConceptSelection[] = [];
  const relations: RelationSelection[] = [];
  for (const [, fieldNodes] of collectSubfields(ctx, type, nodes)) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    const fieldType = getNamedType(type.getFields()[name]?.type);
    if (name === "__typename" || name === "viaRelation") continue;
    if (name === "treatment") treatments.push(planConcept(ctx, fieldNodes, fieldType, null));
    else if (name === "target" && !grouped) targets.push(planConcept(ctx, fieldNodes, fieldType, null));
    else if (name === "relation" && !grouped) relations.push(planRelation(ctx, fieldType, fieldNodes));
    else if (name === "actsOn" && grouped) {
      const inner = planInterventionFields(ctx, fieldType, fieldNodes, false);
      if (inner === null) return null;
      treatments.push(inner.treatment);
      targets.push(inner.target);
      relations.push(inner.relation);
    } else return null;
  }
  const treatment = mergeSelections(treatments);
  const target = mergeSelections(targets);
  if (treatment === null || target === null) return null;
  return { treatment, target, relation: mergeRelationSelections(relations) ?? RECORD_ONLY };
}

/** What is read of the relations at a Relation position: its evidence lists (filtered or not) and its ends. */
export function planRelation(ctx: CollectContext, type: unknown, nodes: readonly FieldNode[]): RelationSelection {
  if (!isObjectType(type)) return RECORD_ONLY;
  const evidenceLists: EvidenceListPlan[] = [];
  const ends: RelationEndPlan[] = [];
  for (const [key, fieldNodes] of collectSubfields(ctx, type, nodes)) {
    const first = fieldNodes[0] as FieldNode;
    const name = first.name.value;
    const field = type.getFields()[name];
    if (field === undefined) continue;
    if (name === "from" || name === "to") ends.push({ key, end: name, select: planConcept(ctx, fieldNodes, getNamedType(field.type), null) });
    if (name !== "evidence") continue;
    const args = argumentsOf(ctx, field, first);
    const evidence = args === null ? undefined : plannedFilter(args["evidence"]);
    if (evidence !== undefined) evidenceLists.push({ key, evidence, select: planEvidence(ctx, getNamedType(field.type), fieldNodes) });
  }
  return { evidenceLists, ends };
}

/** Fields of a locator answered from its source's record (the passage comes from the source's text file). */
const SOURCED_LOCATOR_FIELDS = new Set(["source", "section", "quote", "context"]);

/** What is read of the evidence at an Evidence position: whether it needs its sources, and its relation. */
export function planEvidence(ctx: CollectContext, type: unknown, nodes: readonly FieldNode[]): EvidenceSelection {
  if (!isObjectType(type)) return { sources: false, relations: [] };
  let sources = false;
  const relations: EvidenceRelationPlan[] = [];
  for (const [key, fieldNodes] of collectSubfields(ctx, type, nodes)) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    const fieldType = getNamedType(type.getFields()[name]?.type);
    if (name === "source" || name === "citedSource") sources = true;
    else if (name === "relation") relations.push({ key, select: planRelation(ctx, fieldType, fieldNodes) });
    else if (name === "locator" && isObjectType(fieldType)) {
      for (const [, locatorNodes] of collectSubfields(ctx, fieldType, fieldNodes)) {
        if (SOURCED_LOCATOR_FIELDS.has((locatorNodes[0] as FieldNode).name.value)) sources = true;
      }
    }
  }
  return { sources, relations };
}

/**
 * One selection for a concept shared by several positions (a treatment and its actsOn entries): the
 * union of properties and links; null when two positions follow different links under one response key.
 */
export function mergeSelections(selections: readonly ConceptSelection[]): ConceptSelection | null {
  if (selections.length === 1) return selections[0] as ConceptSelection;
  const properties = new Set<ConceptProperty>(IDENTITY_PROPERTIES);
  for (const s of selections) for (const p of s.properties) properties.add(p);
  const links = byKey(selections.flatMap((s) => s.links));
  return links === null ? null : { properties: CONCEPT_PROPERTIES.filter((p) => properties.has(p)), links };
}

/**
 * One selection for a relation shared by several positions (a path's relations and its steps'): the
 * union of evidence lists and ends; null when two positions read different things under one response key.
 */
export function mergeRelationSelections(selections: readonly RelationSelection[]): RelationSelection | null {
  if (selections.length === 0) return RECORD_ONLY;
  if (selections.length === 1) return selections[0] as RelationSelection;
  const evidenceLists = byKey(selections.flatMap((s) => s.evidenceLists));
  const ends = byKey(selections.flatMap((s) => s.ends));
  return evidenceLists === null || ends === null ? null : { evidenceLists, ends };
}

/** One selection for evidence shared by several response keys: sources when any reads them, the union of relations; null on a conflict. */
export function mergeEvidenceSelections(selections: readonly EvidenceSelection[]): EvidenceSelection | null {
  if (selections.length === 1) return selections[0] as EvidenceSelection;
  const relations = byKey(selections.flatMap((s) => s.relations));
  return relations === null ? null : { sources: selections.some((s) => s.sources), relations };
}

/** Entries by response key, each once; null when one key holds two different entries. */
function byKey<T extends { readonly key: string }>(entries: readonly T[]): T[] | null {
  const found = new Map<string, T>();
  for (const entry of entries) {
    const existing = found.get(entry.key);
    if (existing !== undefined && existing !== entry && JSON.stringify(existing) !== JSON.stringify(entry)) return null;
    found.set(entry.key, entry);
  }
  return [...found.values()];
}

/** The coerced arguments of a field node, defaults applied; null when they cannot be read (validation answers that). */
function argumentsOf(ctx: CollectContext, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> | null {
  try {
    return getArgumentValues(field, node, ctx.variables as Record<string, unknown>);
  } catch {
    return null;
  }
}

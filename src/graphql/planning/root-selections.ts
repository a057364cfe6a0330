import { type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, getNamedType, isAbstractType, isLeafType, isObjectType } from "graphql";
import {
  EVIDENCE_ONLY,
  FULL_SELECTION,
  RECORD_ONLY,
  type ConceptAndRelationSelections,
  type ConceptSelection,
  type EvidenceSelection,
  type RelationSelection,
} from "../../plan/read-plan.js";
import { collectSubfields, type CollectContext } from "./collect-subfields.js";
import { collectContextOf, mergeEvidenceSelections, mergeRelationSelections, mergeSelections, planConcept, planEvidence, planRelation } from "./read-plan.builder.js";
import { memoizedPlan } from "./plan-memo.js";
import type { TourSelections, TourStepField } from "../../services/tour.service.js";

/**
 * The plan selections of the root fields answered by one plan beyond `concept`: what is read of the
 * concepts and relations inside a path search, a neighbourhood, a relation, an explanation, search
 * hits and tours. Fields these do not know (such as exports, which read whole records) make every
 * concept whole and leave relations to their resolvers.
 */

type Fields = Map<string, FieldNode[]>;

function subfields(ctx: CollectContext, type: unknown, nodes: readonly FieldNode[]): Fields | null {
  const named = getNamedType(type as never);
  return isObjectType(named) ? collectSubfields(ctx, named, nodes) : null;
}

function fieldType(type: unknown, name: string): unknown {
  const named = getNamedType(type as never);
  return isObjectType(named) ? named.getFields()[name]?.type : undefined;
}

const WHOLE: ConceptAndRelationSelections = { concepts: FULL_SELECTION, relations: RECORD_ONLY };

/** True for the Concept interface and the object types of its kinds. */
function isConceptType(ctx: CollectContext, type: unknown): boolean {
  const concept = ctx.schema.getType("Concept");
  return type === concept || (isObjectType(type) && isAbstractType(concept) && type.getInterfaces().includes(concept as never));
}

/**
 * Walks the selection of an object type: concept fields are planned as concepts, Relation fields as
 * relations, fields of the `through` types are walked into and leaf fields need nothing. Null at any
 * other field, which the plan does not cover.
 */
function positionsOf(ctx: CollectContext, type: unknown, nodes: readonly FieldNode[], through: ReadonlySet<string>): { concepts: ConceptSelection[]; relations: RelationSelection[] } | null {
  const concepts: ConceptSelection[] = [];
  const relations: RelationSelection[] = [];
  const walk = (at: unknown, atNodes: readonly FieldNode[]): boolean => {
    const fields = subfields(ctx, at, atNodes);
    if (fields === null) return false;
    for (const [, fieldNodes] of fields) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      const child = getNamedType(fieldType(at, name) as never);
      if (name === "__typename" || isLeafType(child)) continue;
      if (isConceptType(ctx, child)) concepts.push(planConcept(ctx, fieldNodes, child, null));
      else if (isObjectType(child) && child.name === "Relation") relations.push(planRelation(ctx, child, fieldNodes));
      else if (!isObjectType(child) || !through.has(child.name) || !walk(child, fieldNodes)) return false;
    }
    return true;
  };
  return walk(type, nodes) ? { concepts, relations } : null;
}

/** One selection for all concepts and one for all relations of a root, or whole records when the positions disagree. */
function merged(positions: { concepts: ConceptSelection[]; relations: RelationSelection[] } | null): ConceptAndRelationSelections {
  if (positions === null) return WHOLE;
  return { concepts: mergeSelections(positions.concepts) ?? FULL_SELECTION, relations: mergeRelationSelections(positions.relations) ?? RECORD_ONLY };
}

/** What `causalPathways` reads of path nodes (including steps' ends) and relations. */
export function pathsSelectionOf(info: GraphQLResolveInfo): { nodes: ConceptSelection; relations: RelationSelection } {
  return memoizedPlan(info, () => {
    const { concepts, relations } = merged(positionsOf(collectContextOf(info), info.returnType, info.fieldNodes, new Set(["Path", "PathStep"])));
    return { nodes: concepts, relations };
  });
}

/** What `explain` reads of every concept (target, roots, steps, treatments and their targets) and every relation. */
export function explainSelectionOf(info: GraphQLResolveInfo): ConceptAndRelationSelections {
  return memoizedPlan(info, () => merged(positionsOf(collectContextOf(info), info.returnType, info.fieldNodes, new Set(["ExplanationChain", "ExplanationStep", "Intervention"]))));
}

/** What `relation` reads beyond the relation's record. */
export function relationSelectionOf(info: GraphQLResolveInfo): RelationSelection {
  return memoizedPlan(info, () => planRelation(collectContextOf(info), getNamedType(info.returnType), info.fieldNodes));
}

/** What `searchAll` reads of claim hits' evidence (concept and source hits are read whole). */
export function searchAllSelectionOf(info: GraphQLResolveInfo): EvidenceSelection {
  return memoizedPlan(info, () => {
    const ctx = collectContextOf(info);
    const hit = ctx.schema.getType("EvidenceHit") as GraphQLObjectType;
    const selections: EvidenceSelection[] = [];
    for (const [, fieldNodes] of collectSubfields(ctx, hit, info.fieldNodes)) {
      if ((fieldNodes[0] as FieldNode).name.value === "evidence") selections.push(planEvidence(ctx, getNamedType(fieldType(hit, "evidence") as never), fieldNodes));
    }
    return mergeEvidenceSelections(selections) ?? EVIDENCE_ONLY;
  });
}

/** The tour selections of `tour` or `tours`. */
export function tourSelectionOf(info: GraphQLResolveInfo): TourSelections {
  return memoizedPlan(info, () => {
    const ctx = collectContextOf(info);
    const stepFields: TourStepField[] = [];
    const concepts: ConceptSelection[] = [];
    const relations: RelationSelection[] = [];
    const stepType = fieldType(info.returnType, "steps");
    for (const [, stepsNodes] of subfields(ctx, info.returnType, info.fieldNodes) ?? new Map<string, FieldNode[]>()) {
      if ((stepsNodes[0] as FieldNode).name.value !== "steps") continue;
      for (const [key, fieldNodes] of subfields(ctx, stepType, stepsNodes) ?? new Map<string, FieldNode[]>()) {
        const field = (fieldNodes[0] as FieldNode).name.value;
        const type = getNamedType(fieldType(stepType, field) as never);
        if (field === "concepts" || field === "focus") concepts.push(planConcept(ctx, fieldNodes, type, null));
        else if (field === "relations") relations.push(planRelation(ctx, type, fieldNodes));
        else continue;
        stepFields.push({ key, field });
      }
    }
    return {
      concepts: concepts.length === 0 ? null : (mergeSelections(concepts) ?? FULL_SELECTION),
      relations: relations.length === 0 ? null : (mergeRelationSelections(relations) ?? RECORD_ONLY),
      stepFields,
    };
  });
}

const PLAIN_SUBGRAPH_FIELDS = new Set(["edges", "totalNodes", "totalEdges", "pageInfo", "cytoscapeElements", "__typename"]);
const PLAIN_NODE_FIELDS = new Set(["id", "label", "kind", "depth", "__typename"]);

/** What `neighborhood` reads of its centre and of the concepts behind its nodes. */
export function neighborhoodSelectionOf(info: GraphQLResolveInfo): { center: ConceptSelection; nodes: ConceptSelection } {
  return memoizedPlan(info, () => neighborhoodSelection(info));
}

function neighborhoodSelection(info: GraphQLResolveInfo): { center: ConceptSelection; nodes: ConceptSelection } {
  const ctx = collectContextOf(info);
  const whole = { center: FULL_SELECTION, nodes: FULL_SELECTION };
  const top = subfields(ctx, info.returnType, info.fieldNodes);
  if (top === null) return whole;
  const centers: ConceptSelection[] = [];
  const nodes: ConceptSelection[] = [];
  for (const [, topNodes] of top) {
    const name = (topNodes[0] as FieldNode).name.value;
    if (PLAIN_SUBGRAPH_FIELDS.has(name)) continue;
    if (name === "center") centers.push(planConcept(ctx, topNodes, getNamedType(fieldType(info.returnType, "center") as never), null));
    else if (name === "nodes") {
      const nodeType = fieldType(info.returnType, "nodes");
      for (const [, nodeNodes] of subfields(ctx, nodeType, topNodes) ?? new Map<string, FieldNode[]>()) {
        const field = (nodeNodes[0] as FieldNode).name.value;
        if (field === "concept") nodes.push(planConcept(ctx, nodeNodes, getNamedType(fieldType(nodeType, "concept") as never), null));
        else if (!PLAIN_NODE_FIELDS.has(field)) return whole;
      }
    } else return whole;
  }
  return { center: mergeSelections(centers) ?? FULL_SELECTION, nodes: mergeSelections(nodes) ?? FULL_SELECTION };
}

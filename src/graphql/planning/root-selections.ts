import { type FieldNode, type GraphQLResolveInfo, getNamedType, isObjectType } from "graphql";
import { FULL_SELECTION, type ConceptSelection, type RelationSelection } from "../../plan/read-plan.js";
import { collectSubfields, type CollectContext } from "./collect-subfields.js";
import { collectContextOf, mergeSelections, planConcept, planRelation } from "./read-plan.builder.js";
import { memoizedPlan } from "./plan-memo.js";

/**
 * The plan selections of the root fields answered by one plan beyond `concept`: what is read of the
 * concepts and relations inside a path search and a neighbourhood. Fields these do not know (such as
 * exports, which read whole records) make every concept whole.
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

/** What `causalPathways` reads of path nodes (including steps' ends) and relations. */
export function pathsSelectionOf(info: GraphQLResolveInfo): { nodes: ConceptSelection; relations: RelationSelection } {
  return memoizedPlan(info, () => pathsSelection(info));
}

function pathsSelection(info: GraphQLResolveInfo): { nodes: ConceptSelection; relations: RelationSelection } {
  const ctx = collectContextOf(info);
  const whole = { nodes: FULL_SELECTION, relations: { evidenceKeys: [] } };
  const nodes: ConceptSelection[] = [];
  const relations: RelationSelection[] = [];
  const top = subfields(ctx, info.returnType, info.fieldNodes);
  if (top === null) return whole;
  for (const [, topNodes] of top) {
    const name = (topNodes[0] as FieldNode).name.value;
    if (name === "truncated" || name === "__typename") continue;
    if (name !== "paths") return whole;
    const pathType = fieldType(info.returnType, "paths");
    const pathFields = subfields(ctx, pathType, topNodes);
    if (pathFields === null) return whole;
    for (const [, nodesOf] of pathFields) {
      const field = (nodesOf[0] as FieldNode).name.value;
      if (field === "hops" || field === "evidenceCount" || field === "__typename") continue;
      if (field === "nodes") nodes.push(planConcept(ctx, nodesOf, getNamedType(fieldType(pathType, "nodes") as never), null));
      else if (field === "relations") relations.push(planRelation(ctx, getNamedType(fieldType(pathType, "relations") as never), nodesOf));
      else if (field === "steps") {
        const stepType = fieldType(pathType, "steps");
        for (const [, stepNodes] of subfields(ctx, stepType, nodesOf) ?? new Map<string, FieldNode[]>()) {
          const stepField = (stepNodes[0] as FieldNode).name.value;
          if (stepField === "from" || stepField === "to") nodes.push(planConcept(ctx, stepNodes, getNamedType(fieldType(stepType, stepField) as never), null));
          else if (stepField === "relation") relations.push(planRelation(ctx, getNamedType(fieldType(stepType, "relation") as never), stepNodes));
          else if (stepField !== "forward" && stepField !== "__typename") return whole;
        }
      } else return whole;
    }
  }
  return { nodes: mergeSelections(nodes) ?? FULL_SELECTION, relations: { evidenceKeys: [...new Set(relations.flatMap((r) => r.evidenceKeys))] } };
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

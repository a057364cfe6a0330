import type { PlanOperator } from "./neo4j-executor.js";

/** Operators that read every node, or every relationship, of the database. */
const ALL_SCANS = new Set(["AllNodesScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan"]);
/** Operators that read every node of a label (or its whole index), or every relationship of a type. */
const LABEL_SCANS = new Set(["NodeByLabelScan", "NodeIndexScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan", "UndirectedUnionRelationshipTypesScan"]);

/** A full-scan operator found in a plan, with the text Neo4j gives for it. */
export interface FullScan {
  readonly operator: string;
  readonly details: string;
}

/**
 * The operators of a plan that scan the whole graph, or every node of one of the `labels` (for
 * relationship type scans: any type), i.e. work that grows with the graph rather than the answer.
 */
export function fullScans(plan: PlanOperator, labels: readonly string[]): FullScan[] {
  const found: FullScan[] = [];
  const visit = (op: PlanOperator): void => {
    const onLabel = labels.some((l) => new RegExp(`:${l}\\b`).test(op.details));
    if (ALL_SCANS.has(op.operator) || (LABEL_SCANS.has(op.operator) && (onLabel || op.operator.includes("Relationship")))) {
      found.push({ operator: op.operator, details: op.details });
    }
    op.children.forEach(visit);
  };
  visit(plan);
  return found;
}

/** Every operator type of a plan, leaves first, for reports. */
export function operatorNames(plan: PlanOperator): string[] {
  return [...plan.children.flatMap(operatorNames), plan.operator];
}

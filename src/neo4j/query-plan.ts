import type { PlanOperator } from "./neo4j-executor.js";

/** Operators that read every node, or every relationship, of the database. */
const ALL_SCANS = new Set(["AllNodesScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan"]);
/** Operators that read every node of a label (or its whole index), or every relationship of a type. */
const LABEL_SCANS = new Set(["NodeByLabelScan", "NodeIndexScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan", "UndirectedUnionRelationshipTypesScan"]);

/**
 * Operators that pass every row on, one by one. An index scan reached from a Limit through these alone is
 * read only as far as the limit (the index hands rows over in order), so it grows with the page, not the
 * graph. A Filter is not one: a rare match can make the scan read the whole index before the page fills.
 */
const STREAMING = new Set(["Projection", "CacheProperties"]);

/** A full-scan operator found in a plan, with the text Neo4j gives for it. */
export interface FullScan {
  readonly operator: string;
  readonly details: string;
}

/**
 * The operators of a plan that scan the whole graph, or every node of one of the `labels` (for
 * relationship type scans: any type), i.e. work that grows with the graph rather than the answer. An index
 * scan that only feeds a Limit (an ordered page) is not one.
 */
export function fullScans(plan: PlanOperator, labels: readonly string[]): FullScan[] {
  const found: FullScan[] = [];
  const visit = (op: PlanOperator, underLimit: boolean): void => {
    const onLabel = labels.some((l) => new RegExp(`:${l}\\b`).test(op.details));
    const bounded = underLimit && op.operator === "NodeIndexScan";
    if (!bounded && (ALL_SCANS.has(op.operator) || (LABEL_SCANS.has(op.operator) && (onLabel || op.operator.includes("Relationship"))))) {
      found.push({ operator: op.operator, details: op.details });
    }
    const limits = op.operator === "Limit" || (underLimit && STREAMING.has(op.operator));
    for (const child of op.children) visit(child, limits);
  };
  visit(plan, false);
  return found;
}

/** Every operator type of a plan, leaves first, for reports. */
export function operatorNames(plan: PlanOperator): string[] {
  return [...plan.children.flatMap(operatorNames), plan.operator];
}

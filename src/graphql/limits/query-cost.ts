import type { DocumentNode, GraphQLSchema } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { fieldCostEstimator } from "./cost-estimator.js";
import { observedCostEstimator } from "./observed-cost-estimator.js";
import { observeResponse } from "./observed-sizes.js";

/** Most field nodes the cost walk visits; fragment fan-out beyond this is rejected as too complex. */
export const MAX_COST_NODES = 10_000;

/**
 * The cost of one operation of a validated document, with its variables (see field-costs.ts), or
 * Infinity when the document expands to more than MAX_COST_NODES fields. Throws a GraphQLError when
 * the variables do not fit the operation.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  try {
    return getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [fieldCostEstimator], maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/i.test(error.message)) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/**
 * The cost of an executed operation by the same rules, with the sizes its response really had instead
 * of the page sizes it asked for (`extensions.cost.actual`); rounded to a whole number.
 */
export function actualQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  data: Record<string, unknown>,
): number {
  const observations = observeResponse(document, operationName, data);
  const cost = getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [observedCostEstimator(observations)], maxQueryNodes: MAX_COST_NODES });
  return Math.round(cost);
}

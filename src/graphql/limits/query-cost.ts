import { getVariableValues, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { fieldCostEstimator } from "./cost-estimator.js";
import { CostNodeLimitError, operationCost, selectedOperations, type FieldCostEstimator } from "./cost-walk.js";
import { FIELD_COST_RULES } from "./field-costs.js";
import { observedCostEstimator } from "./observed-cost-estimator.js";
import { observeResponse } from "./observed-sizes.js";

/** Most field nodes the cost walk visits; fragment fan-out beyond this is rejected as too complex. */
export const MAX_COST_NODES = 10_000;

/** Requested costs remembered per operation, one per set of values of the variables its cost reads. */
const COSTS_PER_OPERATION = 64;

/** Names of the fields a cost rule prices from its arguments; other fields' arguments never change a cost. */
const PRICED_FIELDS = new Set(Object.keys(FIELD_COST_RULES).map((coordinate) => coordinate.slice(coordinate.indexOf(".") + 1)));

interface OperationCosts {
  /** The operation's variables that reach a priced field's arguments or a directive: the only ones its cost reads. */
  readonly costVariables: readonly string[];
  readonly costs: Map<string, number>;
}

const costsByOperation = new WeakMap<OperationDefinitionNode, OperationCosts>();

/** Names of the variables used anywhere inside `node`. */
function variablesIn(node: ASTNode, into: Set<string>): void {
  visit(node, {
    Variable(variable) {
      into.add(variable.name.value);
    },
  });
}

/** The variables of a document (fragments included) that a priced field's arguments or a directive use. */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Field(field) {
      if (PRICED_FIELDS.has(field.name.value)) for (const argument of field.arguments ?? []) variablesIn(argument, names);
    },
    Directive(directive) {
      variablesIn(directive, names);
    },
    VariableDefinition() {
      // A variable's default value holds no variable; its definition is not a use.
      return false;
    },
  });
  return [...names].sort();
}

/** One operation's cost by the given estimator; on a validated document, with the variables the request sent. */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  estimate: FieldCostEstimator,
  remember: boolean,
): number {
  let total = 0;
  for (const operation of selectedOperations(document, operationName)) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors !== undefined) throw coerced.errors.at(-1);
    if (!remember) {
      total += operationCost(schema, document, operation, coerced.coerced, estimate, MAX_COST_NODES);
      continue;
    }
    let known = costsByOperation.get(operation);
    if (known === undefined) {
      known = { costVariables: costVariablesOf(document), costs: new Map() };
      costsByOperation.set(operation, known);
    }
    const key = JSON.stringify(known.costVariables.map((name) => (Object.hasOwn(coerced.coerced, name) ? [coerced.coerced[name]] : [])));
    let cost = known.costs.get(key);
    if (cost === undefined) {
      cost = operationCost(schema, document, operation, coerced.coerced, estimate, MAX_COST_NODES);
      if (known.costs.size >= COSTS_PER_OPERATION) known.costs.clear();
      known.costs.set(key, cost);
    }
    total += cost;
  }
  return total;
}

/**
 * The cost of one operation of a validated document, with its variables (see field-costs.ts), or
 * Infinity when the document expands to more than MAX_COST_NODES fields. Throws a GraphQLError when
 * the variables do not fit the operation. Apollo hands every request of the same text the same parsed
 * document, so the cost is worked out once per operation and values of the variables it reads (page sizes,
 * depths, @skip/@include conditions), not per request.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  try {
    return costOf(schema, document, variables, operationName, fieldCostEstimator, true);
  } catch (error) {
    if (error instanceof CostNodeLimitError) return Number.POSITIVE_INFINITY;
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
  return Math.round(costOf(schema, document, variables, operationName, observedCostEstimator(observations), false));
}

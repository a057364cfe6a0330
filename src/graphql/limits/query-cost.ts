import { getVariableValues, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { fieldCostEstimator } from "./cost-estimator.js";
import { CostNodeLimitError, operationCostPlan, planCost, selectedOperations, type CostPlan } from "./cost-walk.js";
import { FIELD_COST_RULES } from "./field-costs.js";
import { observedCostEstimator } from "./observed-cost-estimator.js";
import { observeResponse } from "./observed-sizes.js";

/** Most field nodes the cost walk visits; fragment fan-out beyond this is rejected as too complex. */
export const MAX_COST_NODES = 10_000;

/** Cost plans remembered per operation, one per set of values of the variables its cost reads. */
const PLANS_PER_OPERATION = 64;

/** Names of the fields a cost rule prices from its arguments; other fields' arguments never change a cost. */
const PRICED_FIELDS = new Set(Object.keys(FIELD_COST_RULES).map((coordinate) => coordinate.slice(coordinate.indexOf(".") + 1)));

/** An operation's cost plan for one set of values of its cost variables, and the cost it was priced at. */
interface PricedPlan {
  readonly plan: CostPlan;
  readonly requested: number;
}

interface OperationPlans {
  /** The operation's variables that reach a priced field's arguments or a directive: the only ones its cost reads. */
  readonly costVariables: readonly string[];
  readonly plans: Map<string, PricedPlan>;
}

const plansByOperation = new WeakMap<OperationDefinitionNode, OperationPlans>();

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

/**
 * The priced plans of the operations `operationName` selects in a validated document, for the variables the
 * request sent. Apollo hands every request of the same text the same parsed document, so an operation is planned
 * and priced once per set of values of the variables its cost reads (page sizes, depths, @skip/@include
 * conditions), not per request. Throws a GraphQLError when the variables do not fit.
 */
function pricedPlans(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): PricedPlan[] {
  return selectedOperations(document, operationName).map((operation) => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors !== undefined) throw coerced.errors.at(-1);
    let known = plansByOperation.get(operation);
    if (known === undefined) {
      known = { costVariables: costVariablesOf(document), plans: new Map() };
      plansByOperation.set(operation, known);
    }
    const key = JSON.stringify(known.costVariables.map((name) => (Object.hasOwn(coerced.coerced, name) ? [coerced.coerced[name]] : [])));
    let priced = known.plans.get(key);
    if (priced === undefined) {
      const plan = operationCostPlan(schema, document, operation, coerced.coerced, MAX_COST_NODES);
      priced = { plan, requested: planCost(plan, fieldCostEstimator) };
      if (known.plans.size >= PLANS_PER_OPERATION) known.plans.clear();
      known.plans.set(key, priced);
    }
    return priced;
  });
}

/**
 * The cost of one operation of a validated document, with its variables (see field-costs.ts), or
 * Infinity when the document expands to more than MAX_COST_NODES fields. Throws a GraphQLError when
 * the variables do not fit the operation.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  try {
    return pricedPlans(schema, document, variables, operationName).reduce((sum, priced) => sum + priced.requested, 0);
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
  const estimate = observedCostEstimator(observations);
  return Math.round(pricedPlans(schema, document, variables, operationName).reduce((sum, priced) => sum + planCost(priced.plan, estimate), 0));
}

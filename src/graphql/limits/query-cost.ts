import { getVariableValues, visit, type ASTNode, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";
import { fieldCostEstimator } from "./cost-estimator.js";
import { FIELD_COST_RULES } from "./field-costs.js";
import { observedCostEstimator } from "./observed-cost-estimator.js";
import { observedSizesKey, observeResponse } from "./observed-sizes.js";

/** Most field nodes the cost walk visits; fragment fan-out beyond this is rejected as too complex. */
export const MAX_COST_NODES = 10_000;

/** Requested costs remembered per document, one per operation name and set of values of its cost variables. */
const COSTS_PER_DOCUMENT = 64;

/** Names of the fields a cost rule prices from its arguments; other fields' arguments never change a cost. */
const PRICED_FIELDS = new Set(Object.keys(FIELD_COST_RULES).map((coordinate) => coordinate.slice(coordinate.indexOf(".") + 1)));

/**
 * Characters of key that the remembered actual costs may hold, over all documents. A key grows with the
 * operation's fields (a few characters each), so the bound is on characters, not entries: an operation of
 * thousands of aliases, answered at many sizes, cannot grow the memory past it.
 */
const ACTUAL_COST_KEY_CHARS = 4_000_000;

interface DocumentCosts {
  /** Tells this document's entries apart in the shared cache of actual costs. */
  readonly id: number;
  /** The document's variables that reach a priced field's arguments or a directive: the only ones a cost reads. */
  readonly costVariables: readonly string[];
  readonly costs: Map<string, number>;
}

let documentsSeen = 0;

/** Actual costs by document, cost key and observed sizes: answers of the same sizes cost the same. */
const actualCosts = new LRUCache<string, number>({ maxSize: ACTUAL_COST_KEY_CHARS, sizeCalculation: (_cost, key) => key.length });

// Apollo hands every request with the same query text the same parsed document (its document store), so the
// document itself is the key, and a document Apollo forgets takes its costs with it.
const costsByDocument = new WeakMap<DocumentNode, DocumentCosts>();

/** The cost key last computed for a request's variables object (checked: they fitted the operation). */
const keysByVariables = new WeakMap<object, { readonly document: DocumentNode; readonly operationName: string | undefined; readonly key: string }>();

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

/** graphql-query-complexity's price of the operation with the given estimator; Infinity past MAX_COST_NODES. */
function complexity(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined, estimator: Parameters<typeof getComplexity>[0]["estimators"][number]): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator], maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/i.test(error.message)) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/**
 * The cost of one operation of a validated document, with its variables (see field-costs.ts), or
 * Infinity when the document expands to more than MAX_COST_NODES fields. Throws a GraphQLError when
 * the variables do not fit the operation. graphql-query-complexity prices it; the price is remembered per
 * document, operation and values of the variables it reads (page sizes, depths, @skip/@include), so the
 * same query with other ids is not priced again.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  const { known, key } = costKeyOf(schema, document, variables, operationName);
  const remembered = known.costs.get(key);
  if (remembered !== undefined) return remembered;
  const cost = complexity(schema, document, variables ?? {}, operationName, fieldCostEstimator);
  if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
  known.costs.set(key, cost);
  return cost;
}

/**
 * The document's remembered costs and the key of this operation and variables among them: the operation
 * name and the values of the variables a cost reads. Throws a GraphQLError when the variables do not fit.
 */
function costKeyOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): { known: DocumentCosts; key: string } {
  let known = costsByDocument.get(document);
  if (known === undefined) {
    known = { id: ++documentsSeen, costVariables: costVariablesOf(document), costs: new Map() };
    costsByDocument.set(document, known);
  }
  // A request is priced before it runs and again after: the second time its variables are the same object,
  // unchanged (Apollo parses a new object for every request, and nothing writes to it).
  const last = variables === undefined ? undefined : keysByVariables.get(variables);
  if (last !== undefined && last.document === document && last.operationName === operationName) return { known, key: last.key };
  const given = variables ?? {};
  // Checked on every request, remembered or not: variables that do not fit the operation are refused as the library would.
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition" && (operationName === undefined || d.name?.value === operationName));
  const coerced = operation?.kind === "OperationDefinition" ? getVariableValues(schema, operation.variableDefinitions ?? [], given) : { coerced: given };
  if ("errors" in coerced && coerced.errors !== undefined) throw coerced.errors.at(-1);
  const values = coerced.coerced as Record<string, unknown>;
  const names = known.costVariables;
  const key = JSON.stringify([operationName ?? null, names.map((name) => (Object.hasOwn(values, name) ? [values[name]] : []))]);
  if (variables !== undefined) keysByVariables.set(variables, { document, operationName, key });
  return { known, key };
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
  // The observed estimator reads only the cost variables and the sizes observed, so those are the whole key.
  const { known, key } = costKeyOf(schema, document, variables, operationName);
  const sized = `${known.id}|${key}|${observedSizesKey(observations)}`;
  const remembered = actualCosts.get(sized);
  if (remembered !== undefined) return remembered;
  const cost = Math.round(complexity(schema, document, variables ?? {}, operationName, observedCostEstimator(observations)));
  actualCosts.set(sized, cost);
  return cost;
}

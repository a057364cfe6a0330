import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** What a field's cost is estimated from: where it sits, its coerced arguments and the cost of its selection. */
export interface FieldCostInput {
  readonly type: GraphQLCompositeType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
  readonly args: Record<string, unknown>;
  readonly childComplexity: number;
}

/** The cost of one field, given where it sits, its arguments and what its selection costs. */
export type FieldCostEstimator = (input: FieldCostInput) => number;

/** Thrown when an operation expands to more field nodes than the walk may visit. */
export class CostNodeLimitError extends GraphQLError {
  constructor() {
    super("Query exceeds the maximum allowed number of nodes.");
  }
}

const possibleTypeNames = new WeakMap<GraphQLCompositeType, readonly string[]>();

/** The object types a selection on `type` may meet, by name (cached: the schema never changes). */
function typeNamesOf(schema: GraphQLSchema, type: GraphQLCompositeType): readonly string[] {
  let names = possibleTypeNames.get(type);
  if (names === undefined) {
    names = isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
    possibleTypeNames.set(type, names);
  }
  return names;
}

function addTo(totals: Map<string, number>, cost: number, typeNames: readonly string[]): void {
  for (const name of typeNames) totals.set(name, (totals.get(name) ?? 0) + cost);
}

/**
 * What a selection set's cost is made of, once its variables are known: each selection in order, a field with its
 * coerced arguments and its own selection's plan, or a fragment's plan, with the object types it counts for.
 */
export interface CostPlan {
  readonly entries: readonly CostPlanEntry[];
}

type CostPlanEntry =
  | {
      readonly type: GraphQLCompositeType;
      readonly field: GraphQLField<unknown, unknown>;
      readonly node: FieldNode;
      readonly args: Record<string, unknown>;
      readonly selection: CostPlan | null;
      readonly typeNames: readonly string[];
    }
  | { readonly fragment: CostPlan; readonly typeNames: readonly string[] };

/** The cost of a planned selection set: per possible object type the sum of its selections, then the largest. */
export function planCost(plan: CostPlan, estimate: FieldCostEstimator): number {
  const totals = new Map<string, number>();
  for (const entry of plan.entries) {
    let cost: number;
    if ("fragment" in entry) cost = planCost(entry.fragment, estimate);
    else {
      cost = estimate({ type: entry.type, field: entry.field, node: entry.node, args: entry.args, childComplexity: entry.selection === null ? 0 : planCost(entry.selection, estimate) });
      if (Number.isNaN(cost)) throw new GraphQLError(`No complexity could be calculated for field ${entry.type.name}.${entry.field.name}.`);
    }
    addTo(totals, cost, entry.typeNames);
  }
  let largest = 0;
  for (const total of totals.values()) if (total > largest) largest = total;
  return largest;
}

/** One walk over one operation: its variables, fragments and the errors met on the way. */
class CostPlanner {
  private visited = 0;
  readonly errors: GraphQLError[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly maxNodes: number,
  ) {}

  /** The plan of a selection set on `type`, skipped selections and unknown fields and fragments left out. */
  plan(selectionSet: SelectionSetNode, type: GraphQLCompositeType, activeFragments: Set<string>): CostPlan {
    const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
    const ownTypeNames = typeNamesOf(this.schema, type);
    const entries: CostPlanEntry[] = [];
    for (const selection of selectionSet.selections) {
      this.visited += 1;
      if (this.visited >= this.maxNodes) throw new CostNodeLimitError();
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field =
          name === SchemaMetaFieldDef.name ? SchemaMetaFieldDef : name === TypeMetaFieldDef.name ? TypeMetaFieldDef : name === TypeNameMetaFieldDef.name ? TypeNameMetaFieldDef : fields[name];
        if (field === undefined) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, selection, this.variables);
        } catch (error) {
          this.errors.push(error as GraphQLError);
          continue;
        }
        const fieldType = getNamedType(field.type);
        const child = isCompositeType(fieldType) && selection.selectionSet !== undefined ? this.plan(selection.selectionSet, fieldType, activeFragments) : null;
        entries.push({ type, field: field as GraphQLField<unknown, unknown>, node: selection, args, selection: child, typeNames: ownTypeNames });
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (fragment === undefined || activeFragments.has(name)) continue;
        const fragmentType = this.schema.getType(fragment.typeCondition.name.value);
        if (!isCompositeType(fragmentType)) continue;
        activeFragments.add(name);
        const child = this.plan(fragment.selectionSet, fragmentType, activeFragments);
        activeFragments.delete(name);
        entries.push({ fragment: child, typeNames: typeNamesOf(this.schema, fragmentType) });
      } else {
        const fragmentType = selection.typeCondition === undefined ? type : this.schema.getType(selection.typeCondition.name.value);
        if (!isCompositeType(fragmentType)) continue;
        entries.push({ fragment: this.plan(selection.selectionSet, fragmentType, activeFragments), typeNames: typeNamesOf(this.schema, fragmentType) });
      }
    }
    return { entries };
  }

  /** False when @include(if: false) or @skip(if: true) leaves the selection out. */
  private included(selection: SelectionSetNode["selections"][number]): boolean {
    let include = true;
    let skip = false;
    for (const directive of selection.directives ?? []) {
      const name = directive.name.value;
      if (name !== "include" && name !== "skip") continue;
      const values = getDirectiveValues(this.schema.getDirective(name)!, selection, this.variables);
      if (typeof values?.["if"] !== "boolean") continue;
      if (name === "include") include = values["if"];
      else skip = values["if"];
    }
    return include && !skip;
  }
}

/** The operations of a document that `operationName` selects: the one of that name, or every one when it is undefined. */
export function selectedOperations(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode[] {
  return document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
  );
}

/**
 * The cost plan of one operation of a validated document over its coerced variables, walked as
 * graphql-query-complexity 2 walks it: fields with their coerced arguments, fragments expanded (one already being
 * expanded is not entered again), @skip/@include honoured; planCost then prices it as that library does. Throws
 * CostNodeLimitError past `maxNodes` selections, and the last argument error met when arguments do not fit.
 */
export function operationCostPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coercedVariables: Record<string, unknown>,
  maxNodes: number,
): CostPlan {
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (root === null || root === undefined) return { entries: [] };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const planner = new CostPlanner(schema, fragments, coercedVariables, maxNodes);
  const plan = planner.plan(operation.selectionSet, root, new Set());
  const last = planner.errors.at(-1);
  if (last !== undefined) throw last;
  return plan;
}

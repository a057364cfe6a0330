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

/** One walk over one operation: its variables, fragments and the errors met on the way. */
class CostWalk {
  private visited = 0;
  readonly errors: GraphQLError[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly estimate: FieldCostEstimator,
    private readonly maxNodes: number,
  ) {}

  /** The cost of a selection set on `type`: per possible object type the sum of its selections, then the largest. */
  selectionCost(selectionSet: SelectionSetNode, type: GraphQLCompositeType, activeFragments: Set<string>): number {
    const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
    const ownTypeNames = typeNamesOf(this.schema, type);
    const totals = new Map<string, number>();
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
        const childComplexity = isCompositeType(fieldType) && selection.selectionSet !== undefined ? this.selectionCost(selection.selectionSet, fieldType, activeFragments) : 0;
        const cost = this.estimate({ type, field: field as GraphQLField<unknown, unknown>, node: selection, args, childComplexity });
        if (Number.isNaN(cost)) {
          this.errors.push(new GraphQLError(`No complexity could be calculated for field ${type.name}.${field.name}.`));
          continue;
        }
        addTo(totals, cost, ownTypeNames);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (fragment === undefined || activeFragments.has(name)) continue;
        const fragmentType = this.schema.getType(fragment.typeCondition.name.value);
        if (!isCompositeType(fragmentType)) continue;
        activeFragments.add(name);
        const cost = this.selectionCost(fragment.selectionSet, fragmentType, activeFragments);
        activeFragments.delete(name);
        addTo(totals, cost, typeNamesOf(this.schema, fragmentType));
      } else {
        const fragmentType = selection.typeCondition === undefined ? type : this.schema.getType(selection.typeCondition.name.value);
        if (!isCompositeType(fragmentType)) continue;
        addTo(totals, this.selectionCost(selection.selectionSet, fragmentType, activeFragments), typeNamesOf(this.schema, fragmentType));
      }
    }
    let largest = 0;
    for (const total of totals.values()) if (total > largest) largest = total;
    return largest;
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
 * The cost of one operation of a validated document, over its coerced variables, as graphql-query-complexity 2
 * computes it: each field's estimate over its coerced arguments and its selection's cost, summed per possible
 * object type of a selection set, the largest type counting, fragments expanded (one already being expanded is not
 * entered again) and @skip/@include honoured. Throws CostNodeLimitError past `maxNodes` selections, and the last
 * argument error met when arguments do not fit.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coercedVariables: Record<string, unknown>,
  estimate: FieldCostEstimator,
  maxNodes: number,
): number {
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (root === null || root === undefined) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk = new CostWalk(schema, fragments, coercedVariables, estimate, maxNodes);
  const cost = walk.selectionCost(operation.selectionSet, root, new Set());
  const last = walk.errors.at(-1);
  if (last !== undefined) throw last;
  return cost;
}

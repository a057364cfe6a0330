import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  Kind,
  type SelectionSetNode,
  getDirectiveValues,
  isAbstractType,
  typeFromAST,
} from "graphql";

/** What field collection needs from a request: its schema, fragments and coerced variables. */
export interface CollectContext {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * The sub-fields of `nodes` as graphql-js executes them for one runtime object type, by response
 * key: fragments and inline fragments whose type condition matches, @skip/@include applied.
 */
export function collectSubfields(ctx: CollectContext, runtimeType: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const matches = (node: InlineFragmentNode | FragmentDefinitionNode): boolean => {
    if (node.typeCondition === undefined) return true;
    const type = typeFromAST(ctx.schema, node.typeCondition);
    if (type === runtimeType) return true;
    return type !== undefined && isAbstractType(type) && ctx.schema.isSubType(type, runtimeType);
  };
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => {
    if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables as Record<string, unknown>)?.["if"] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables as Record<string, unknown>)?.["if"] !== false;
  };
  const collect = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        fields.set(key, [...(fields.get(key) ?? []), sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (matches(sel)) collect(sel.selectionSet);
      } else {
        const name = sel.name.value;
        const fragment = ctx.fragments[name];
        if (visited.has(name) || fragment === undefined || !matches(fragment)) continue;
        visited.add(name);
        collect(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) if (node.selectionSet !== undefined) collect(node.selectionSet);
  return fields;
}

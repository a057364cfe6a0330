import type { FieldNode, GraphQLResolveInfo } from "graphql";

/**
 * Planning costs as much as a small query, and the result depends only on the field's AST node (which
 * Apollo keeps for a document it has parsed before) and the variable values. So each root field's
 * selections are worked out once per node and variable set.
 */
const byNode = new WeakMap<FieldNode, Map<string, unknown>>();
/** Variable sets remembered per node; beyond this, selections are recomputed rather than kept. */
const MAX_VARIABLE_SETS = 16;

/** The selections of this root field, built by `build` the first time this node and these variables are seen. */
export function memoizedPlan<T>(info: GraphQLResolveInfo, build: () => T): T {
  const node = info.fieldNodes[0];
  if (node === undefined || info.fieldNodes.length > 1) return build();
  const variables = JSON.stringify(info.variableValues);
  let known = byNode.get(node);
  if (known === undefined) {
    known = new Map();
    byNode.set(node, known);
  }
  if (known.has(variables)) return known.get(variables) as T;
  const built = build();
  if (known.size < MAX_VARIABLE_SETS) known.set(variables, built);
  return built;
}

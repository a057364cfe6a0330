import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { RequestLimitError } from "../../errors/app-errors.js";

/** Root fields of a selection set, with fragments and inline fragments expanded (each visited once). */
function rootFieldCount(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === "__typename" ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(selection.selectionSet, context, seen);
    else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (fragment === null || fragment === undefined || seen.has(name)) continue;
      seen.add(name);
      count += rootFieldCount(fragment.selectionSet, context, seen);
      seen.delete(name);
    }
  }
  return count;
}

/**
 * Refuses a mutation operation with more than `max` mutation fields (aliases and fragments counted)
 * with TOO_MANY_MUTATIONS: each one is a transaction under the graph-wide write lock.
 */
export function maxMutationFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      if (node.operation !== "mutation") return;
      const found = rootFieldCount(node.selectionSet, context, new Set());
      if (found <= max) return;
      const error = new RequestLimitError("TOO_MANY_MUTATIONS", `The operation has ${found} mutation fields; at most ${max} are allowed`, { found, limit: max });
      context.reportError(new GraphQLError(error.message, { nodes: [node], originalError: error }));
    },
  });
}

import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** What one field of the operation held in a response, summed over every place it was answered. */
export interface FieldObservation {
  /** Objects the field was asked of (its parents' values). */
  parents: number;
  /** Parents whose answer holds the field's key (fragments on other types leave it out). */
  instances: number;
  /** Non-null values the field returned, list items counted one by one. */
  items: number;
  /** Items of each list-valued child field, by field name: how big the pages of a paged field came back. */
  readonly childLists: Map<string, number>;
}

const responseKey = (field: FieldNode): string => field.alias?.value ?? field.name.value;

/** The field nodes of a selection set, with fragments (inline and named) flattened in. */
function fieldsOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, into: Set<FieldNode> = new Set()): Set<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.add(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, fragments, into);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment !== undefined) fieldsOf(fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

function walk(
  selectionSet: SelectionSetNode,
  parents: readonly Record<string, unknown>[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  observations: Map<FieldNode, FieldObservation>,
  owner: FieldObservation | null,
): void {
  for (const field of fieldsOf(selectionSet, fragments)) {
    const key = responseKey(field);
    const seen = observations.get(field) ?? { parents: 0, instances: 0, items: 0, childLists: new Map<string, number>() };
    observations.set(field, seen);
    seen.parents += parents.length;
    const children: Record<string, unknown>[] = [];
    let listItems = 0;
    let listSeen = false;
    const take = (value: unknown): void => {
      if (value === null || value === undefined) return;
      if (Array.isArray(value)) {
        listSeen = true;
        for (const item of value) {
          if (item !== null && item !== undefined) listItems++;
          take(item);
        }
        return;
      }
      seen.items++;
      if (typeof value === "object") children.push(value as Record<string, unknown>);
    };
    for (const parent of parents) {
      if (!Object.prototype.hasOwnProperty.call(parent, key)) continue;
      seen.instances++;
      const value = parent[key];
      take(value);
    }
    // An empty page is a page of 0 items, not a page whose list was not selected.
    if (owner !== null && listSeen) owner.childLists.set(field.name.value, (owner.childLists.get(field.name.value) ?? 0) + listItems);
    if (field.selectionSet !== undefined) walk(field.selectionSet, children, fragments, observations, seen);
  }
}

/**
 * Walks a response's data alongside the operation that produced it and records, for every field node,
 * how often it was asked, answered, and how many items it returned: the real sizes behind the cost
 * that was estimated from page arguments before execution.
 */
export function observeResponse(document: DocumentNode, operationName: string | undefined, data: Record<string, unknown>): Map<FieldNode, FieldObservation> {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName === undefined ? operations[0] : operations.find((o) => o.name?.value === operationName);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f] as const),
  );
  const observations = new Map<FieldNode, FieldObservation>();
  if (operation !== undefined) walk(operation.selectionSet, [data], fragments, observations, null);
  return observations;
}

/**
 * The sizes of an observation as text, equal for two responses exactly when every field of the operation
 * held the same counts: the fields come in the walk's order, which depends only on the document.
 */
export function observedSizesKey(observations: ReadonlyMap<FieldNode, FieldObservation>): string {
  let key = "";
  for (const seen of observations.values()) {
    key += `${seen.parents},${seen.instances},${seen.items}`;
    for (const [name, items] of seen.childLists) key += `,${name}:${items}`;
    key += ";";
  }
  return key;
}

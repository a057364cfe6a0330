import { conceptSortKey } from "../domain/concept-sort-key.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { ConceptOrder, ConceptPage, ConceptPageRequest, ConceptRecord, Keyset } from "../store/store.types.js";
import { matchesFilter } from "./concept-filter.js";
import type { ConceptGraph } from "./graph-index.js";

const KEY_OF: Readonly<Record<ConceptOrder, (c: ConceptRecord) => readonly string[]>> = {
  NAME_ASC: (c) => [conceptSortKey(c.name), c.id],
  NAME_DESC: (c) => [conceptSortKey(c.name), c.id],
  ID_ASC: (c) => [c.id],
  ID_DESC: (c) => [c.id],
};

/** Lexicographic comparison of two sort keys of equal length. */
export function compareKeys(a: Keyset, b: Keyset): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareCodeUnits(a[i] ?? "", b[i] ?? "");
    if (order !== 0) return order;
  }
  return 0;
}

// Backward pages walk the flipped order from the cursor, then turn round, exactly as the Cypher query and the Neo4j store do.
/** One keyset page strictly beyond the cursor in the requested order; hasMore looks one item past the limit; total ignores the cursor. */
export function conceptPageOf(graph: ConceptGraph, request: ConceptPageRequest): ConceptPage {
  const keyOf = KEY_OF[request.order];
  const descending = request.order.endsWith("_DESC") === request.forward;
  const sign = descending ? -1 : 1;
  const matching = graph.mapNodes((_id, { concept }) => concept).filter((c) => matchesFilter(graph, c, request.filter));
  const cursor = request.cursor;
  const walk = matching
    .filter((c) => cursor === null || sign * compareKeys(keyOf(c), cursor) > 0)
    .sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
  const page = walk.slice(0, request.limit);
  return { items: request.forward ? page : page.reverse(), hasMore: walk.length > request.limit, totalCount: matching.length };
}

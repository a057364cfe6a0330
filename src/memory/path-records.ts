import { comparePaths } from "../domain/path-ranking.js";
import type { PathRecord, RelationRecord } from "../store/store.types.js";
import type { EdgePath } from "./path-search.js";
import type { TypedGraph } from "./typed-graphs.js";

/** The full record of a path walked from `start`: each relation leads on to its other end, whichever way it points. */
export function toPathRecord(graph: TypedGraph, start: string, path: EdgePath): PathRecord {
  const relations: RelationRecord[] = path.map((id) => graph.getEdgeAttributes(id).relation);
  const nodes = [graph.getNodeAttributes(start).concept];
  let at = start;
  for (const relation of relations) {
    at = relation.from === at ? relation.to : relation.from;
    nodes.push(graph.getNodeAttributes(at).concept);
  }
  return { nodes, relations };
}

/** Path records ranked by the shared rule, at most `max` of them. */
export function rankPaths(paths: readonly PathRecord[], max: number): PathRecord[] {
  return [...paths].sort(comparePaths).slice(0, max);
}

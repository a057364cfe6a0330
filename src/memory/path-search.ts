import { brandes } from "graphology-shortest-path";
import { allSimpleEdgeGroupPaths } from "graphology-simple-path";
import type { TypedGraph } from "./typed-graphs.js";

/** A path as the relation ids it crosses, in walk order. */
export type EdgePath = readonly string[];

/** Every choice of one relation per step: parallel relations make distinct paths, as in Cypher. */
export function expandParallel(groups: readonly (readonly string[])[]): EdgePath[] {
  let paths: string[][] = [[]];
  for (const group of groups) paths = paths.flatMap((prefix) => group.map((id) => [...prefix, id]));
  return paths;
}

/** Every simple path (no concept twice) from `from` to `to` of 1..maxHops relations; none when from = to. */
export function simpleEdgePaths(graph: TypedGraph, from: string, to: string, maxHops: number): EdgePath[] {
  if (from === to || maxHops < 1 || !graph.hasNode(from) || !graph.hasNode(to)) return [];
  return allSimpleEdgeGroupPaths(graph, from, to, { maxDepth: maxHops }).flatMap(expandParallel);
}

/** Every path of the minimal length from `from` to `to`, or none when that length exceeds maxHops. */
export function shortestEdgePaths(graph: TypedGraph, from: string, to: string, maxHops: number): EdgePath[] {
  if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) return [];
  const [, predecessors] = brandes(graph, from);
  const nodePaths: string[][] = [];
  // Brandes' predecessor lists hold every shortest route; walk them back from the target.
  const walkBack = (node: string, suffix: string[]): void => {
    if (node === from) {
      nodePaths.push([from, ...suffix]);
      return;
    }
    for (const previous of predecessors[node] ?? []) walkBack(previous, [node, ...suffix]);
  };
  walkBack(to, []);
  const hops = (nodePaths[0]?.length ?? 0) - 1;
  if (hops < 1 || hops > maxHops) return [];
  return nodePaths.flatMap((nodes) => expandParallel(nodes.slice(1).map((node, i) => graph.edges(nodes[i], node))));
}

/** Simple directed paths into `to` that start at a root: a concept with no incoming relation in the graph. */
export function rootEdgePaths(graph: TypedGraph, to: string, maxHops: number): EdgePath[] {
  if (!graph.hasNode(to)) return [];
  const roots = graph.filterNodes((id) => id !== to && graph.inDegree(id) === 0 && graph.outDegree(id) > 0);
  return roots.flatMap((root) => simpleEdgePaths(graph, root, to, maxHops));
}

import { brandes } from "graphology-shortest-path";
import { checkpoint } from "../store/request-scope.js";
import type { TypedGraph } from "./typed-graphs.js";

/** A path as the relation ids it crosses, in walk order. */
export type EdgePath = readonly string[];

/** Every choice of one relation per step: parallel relations make distinct paths, as in Cypher. */
export function expandParallel(groups: readonly (readonly string[])[]): EdgePath[] {
  let paths: string[][] = [[]];
  for (const group of groups) paths = paths.flatMap((prefix) => group.map((id) => [...prefix, id]));
  return paths;
}

/** Search steps between two request checkpoints. */
const CHECKPOINT_EVERY = 512;

/** Each relation leaving `node` (either way in an undirected graph) with the concept it leads to. */
function stepsFrom(graph: TypedGraph, node: string): [edge: string, next: string][] {
  const steps: [string, string][] = [];
  graph.forEachOutboundEdge(node, (edge, _attributes, source, target) => steps.push([edge, source === node ? target : source]));
  return steps;
}

/**
 * Every simple path (no concept twice) from `from` to `to` of 1..maxHops relations; none when from = to.
 * Parallel relations make distinct paths, as in Cypher. The walk is an explicit-stack depth-first search
 * that stops at request checkpoints, since the number of paths can grow exponentially with maxHops.
 */
export async function simpleEdgePaths(graph: TypedGraph, from: string, to: string, maxHops: number): Promise<EdgePath[]> {
  if (from === to || maxHops < 1 || !graph.hasNode(from) || !graph.hasNode(to)) return [];
  const paths: EdgePath[] = [];
  const onPath = new Set([from]);
  const nodes = [from];
  const edges: string[] = [];
  const frames = [stepsFrom(graph, from)];
  const next = [0];
  let work = 0;
  while (frames.length > 0) {
    if (++work % CHECKPOINT_EVERY === 0) await checkpoint();
    const top = frames.length - 1;
    const step = frames[top]?.[next[top] ?? 0];
    if (step === undefined) {
      frames.pop();
      next.pop();
      edges.pop();
      if (nodes.length > 1) onPath.delete(nodes.pop() ?? "");
      continue;
    }
    next[top] = (next[top] ?? 0) + 1;
    const [edge, target] = step;
    if (onPath.has(target)) continue;
    if (target === to) {
      paths.push([...edges, edge]);
      continue;
    }
    if (edges.length + 1 >= maxHops) continue;
    edges.push(edge);
    nodes.push(target);
    onPath.add(target);
    frames.push(stepsFrom(graph, target));
    next.push(0);
  }
  return paths;
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
export async function rootEdgePaths(graph: TypedGraph, to: string, maxHops: number): Promise<EdgePath[]> {
  if (!graph.hasNode(to)) return [];
  const roots = graph.filterNodes((id) => id !== to && graph.inDegree(id) === 0 && graph.outDegree(id) > 0);
  const paths: EdgePath[] = [];
  for (const root of roots) paths.push(...(await simpleEdgePaths(graph, root, to, maxHops)));
  return paths;
}

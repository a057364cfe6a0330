import { bfsFromNode } from "graphology-traversal";
import type { TraversalMode } from "graphology-traversal/types.js";
import type { ConceptKind } from "../domain/concept-kind.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import { MAX_REACH_DEPTH } from "../domain/query-bounds.js";
import type { Direction, NeighborhoodRecord, ReachedConcept } from "../store/store.types.js";
import type { TypedGraph } from "./typed-graphs.js";


/** Graphology neighbour mode for a link direction ("both" = in and out neighbours of a directed graph). */
export function traversalMode(direction: Direction): TraversalMode {
  return direction === "out" ? "outbound" : direction === "in" ? "inbound" : "directed";
}

/** Fewest-hop distance (start = 0) of every concept within maxDepth hops; concepts `admit` refuses are neither returned nor walked through. */
export function ringsFrom(
  graph: TypedGraph,
  start: string,
  mode: TraversalMode,
  maxDepth: number,
  admit: (id: string) => boolean = () => true,
): Map<string, number> {
  const depths = new Map<string, number>();
  if (!graph.hasNode(start)) return depths;
  bfsFromNode(
    graph,
    start,
    (id, _attributes, depth) => {
      if (depth > 0 && !admit(id)) return true;
      depths.set(id, depth);
      return depth >= maxDepth;
    },
    { mode },
  );
  return depths;
}

/** Concepts reachable from `start` along the graph's relations, start excluded; kinds filter only what is returned. */
export function reachFrom(
  graph: TypedGraph,
  start: string,
  upstream: boolean,
  maxDepth: number,
  kinds: readonly ConceptKind[] | null,
): ReachedConcept[] {
  const rings = ringsFrom(graph, start, upstream ? "inbound" : "outbound", Math.min(maxDepth, MAX_REACH_DEPTH));
  const reached: ReachedConcept[] = [];
  for (const [id, distance] of rings) {
    const concept = graph.getNodeAttributes(id).concept;
    if (distance > 0 && (kinds === null || kinds.includes(concept.kind))) reached.push({ concept, distance });
  }
  return reached;
}

// Rings follow `direction`, but the relations returned are all those among the found concepts, whatever their direction, as in Cypher.
/** Concepts within `depth` rings through allowed kinds (the centre always stays), plus the graph's relations among them ordered by id. */
export function neighborhoodOf(
  graph: TypedGraph,
  center: string,
  direction: Direction,
  depth: number,
  kinds: readonly ConceptKind[] | null,
): NeighborhoodRecord {
  if (!graph.hasNode(center)) return { nodes: [], relations: [] };
  const admit = (id: string): boolean => kinds === null || kinds.includes(graph.getNodeAttributes(id).concept.kind);
  const rings = ringsFrom(graph, center, traversalMode(direction), depth, admit);
  const nodes = [...rings].map(([id, d]) => ({ concept: graph.getNodeAttributes(id).concept, depth: d }));
  const relations = graph
    .filterEdges((_id, _attributes, from, to) => rings.has(from) && rings.has(to))
    .map((id) => graph.getEdgeAttributes(id).relation)
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  return { nodes, relations };
}

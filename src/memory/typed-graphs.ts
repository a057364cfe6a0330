import { MultiDirectedGraph, MultiUndirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import { relationAppliesIn } from "../domain/context-scope.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { RelationType } from "../domain/relation-type.js";
import type { ConceptAttributes, GraphIndex, RelationAttributes } from "./graph-index.js";

/** A view of the graph holding only some relation types, walked one way (directed) or both ways. */
export type TypedGraph = AbstractGraph<ConceptAttributes, RelationAttributes>;

// Random type subsets (property tests, clients) must not grow the cache without bound.
const MAX_CACHED_GRAPHS = 128;

/**
 * Builds and caches type-filtered copies of the index graph. Undirected walks use a multi-undirected
 * copy with the same edge keys, so a path may cross any relation against its direction, as `-[]-` does.
 */
export class TypedGraphs {
  private readonly cache = new Map<string, TypedGraph>();

  constructor(private readonly index: GraphIndex) {}

  /** The graph restricted to `types` (null = every type) and to the relations that apply in `context` (null = all), directed or not. */
  get(types: readonly RelationType[] | null, directed: boolean, context: SymptomContext | null = null): TypedGraph {
    const key = `${directed ? "d" : "u"}:${types === null ? "*" : [...new Set(types)].sort().join(",")}:${context ?? "*"}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.cache.size >= MAX_CACHED_GRAPHS) this.cache.clear();
    const built = this.build(types === null ? null : new Set(types), directed, context);
    this.cache.set(key, built);
    return built;
  }

  private build(types: ReadonlySet<RelationType> | null, directed: boolean, context: SymptomContext | null): TypedGraph {
    const graph: TypedGraph = directed
      ? new MultiDirectedGraph<ConceptAttributes, RelationAttributes>()
      : new MultiUndirectedGraph<ConceptAttributes, RelationAttributes>();
    this.index.graph.forEachNode((id, attributes) => graph.addNode(id, attributes));
    this.index.graph.forEachEdge((id, attributes, from, to) => {
      const { relation } = attributes;
      if ((types === null || types.has(relation.type)) && relationAppliesIn(relation.qualifiers.context, context)) {
        graph.addEdgeWithKey(id, from, to, attributes);
      }
    });
    return graph;
  }
}

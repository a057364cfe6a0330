import { MultiDirectedGraph } from "graphology";
import { evidenceFilterKey, relationPasses, type EvidenceFilter } from "../domain/evidence-filter.js";
import type { ConceptAttributes, ConceptGraph, GraphIndex, RelationAttributes } from "./graph-index.js";
import { TypedGraphs } from "./typed-graphs.js";

/** The graph as one evidence filter sees it: every concept, only the relations that pass. */
export interface EvidenceView {
  readonly index: GraphIndex;
  readonly typed: TypedGraphs;
}

// Random filters (property tests, clients) must not grow the cache without bound.
const MAX_CACHED_VIEWS = 64;

/**
 * Builds and caches filtered copies of the index, so every traversal (links, reach, paths,
 * neighbourhoods) walks passing relations only, exactly as the Cypher builders restrict their walks.
 */
export class EvidenceViews {
  private readonly cache = new Map<string, EvidenceView>();
  private readonly unfiltered: EvidenceView;

  constructor(index: GraphIndex) {
    this.unfiltered = { index, typed: new TypedGraphs(index) };
  }

  /** The view for a normalised filter; the whole graph for none. */
  get(filter: EvidenceFilter | null | undefined): EvidenceView {
    if (filter === null || filter === undefined) return this.unfiltered;
    const key = evidenceFilterKey(filter);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.cache.size >= MAX_CACHED_VIEWS) this.cache.clear();
    const index = filteredIndex(this.unfiltered.index, filter);
    const view = { index, typed: new TypedGraphs(index) };
    this.cache.set(key, view);
    return view;
  }
}

/** A copy of the index holding only the relations with at least one evidence record matching the filter. */
export function filteredIndex(index: GraphIndex, filter: EvidenceFilter): GraphIndex {
  const graph: ConceptGraph = new MultiDirectedGraph<ConceptAttributes, RelationAttributes>();
  index.graph.forEachNode((id, attributes) => graph.addNode(id, attributes));
  const passes = (relationId: string): boolean => relationPasses(filter, index.evidenceByRelation.get(relationId) ?? []);
  index.graph.forEachEdge((id, attributes, from, to) => {
    if (passes(id)) graph.addEdgeWithKey(id, from, to, attributes);
  });
  return { ...index, graph, relations: index.relations.filter((r) => passes(r.id)) };
}

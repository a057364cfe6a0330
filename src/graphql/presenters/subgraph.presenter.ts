import { RELATION_TYPE_INFO } from "../../domain/relation-type.js";
import type { SubgraphResult } from "../../services/service-results.types.js";
import type { RelationRecord } from "../../store/store.types.js";

/** A readable edge label from the relation type: CONTRIBUTES_TO becomes "contributes to". */
export function edgeLabel(relation: RelationRecord): string {
  return relation.type.toLowerCase().replace(/_/g, " ");
}

/** Shapes a neighbourhood page for GraphQL: D3-style nodes and edges plus ready-made Cytoscape.js elements. */
export function presentSubgraph(result: SubgraphResult) {
  const nodes = result.nodes.map((n) => ({ id: n.concept.id, label: n.concept.name, kind: n.concept.kind, depth: n.depth, concept: n.concept }));
  const edges = result.relations.map((r) => ({ id: r.id, source: r.from, target: r.to, type: r.type, label: edgeLabel(r), relation: r }));
  const cytoscapeElements = [
    ...nodes.map((n) => ({ group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, depth: n.depth } })),
    ...edges.map((e) => ({
      group: "edges",
      data: { id: e.id, source: e.source, target: e.target, type: e.type, label: e.label, predicate: RELATION_TYPE_INFO[e.relation.type].biolinkPredicate },
    })),
  ];
  return {
    center: result.center,
    nodes,
    edges,
    totalNodes: result.totalNodes,
    totalEdges: result.totalRelations,
    pageInfo: result.pageInfo,
    cytoscapeElements,
  };
}

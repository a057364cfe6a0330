import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { graphMetadata, type ExportFile, type ExportMetadata } from "./export-file.js";
import { edgeAttributes, nodeAttributes } from "./graph-attributes.js";

/**
 * Cytoscape JSON (the cytoscape.js elements format, which Cytoscape desktop imports): nodes carry
 * `id` and `name`, edges `id`, `source`, `target` and `interaction` (our relation type), each with
 * the same attributes as the GraphML export.
 */
export function cytoscapeFile(graph: KnowledgeGraph, meta: ExportMetadata): ExportFile {
  const document = {
    format_version: "1.0",
    generated_by: "back-spasm-knowledge-graph",
    target_cytoscapejs_version: "~3",
    data: { name: "knowledge-graph", ...graphMetadata(meta) },
    elements: {
      nodes: graph.concepts.map((c) => ({ data: { id: c.id, name: c.name, ...nodeAttributes(c) } })),
      edges: graph.relations.map((r) => ({ data: { id: r.id, source: r.from, target: r.to, interaction: r.type, ...edgeAttributes(r) } })),
    },
  };
  return { name: "graph.cyjs", mediaType: "application/json; charset=utf-8", text: `${JSON.stringify(document, null, 1)}\n` };
}

import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import type { ExportFile, ExportMetadata } from "./export-file.js";
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeAttributes, nodeAttributes } from "./graph-attributes.js";

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function dataLines(prefix: string, attributes: Record<string, string | number>, names: readonly (readonly [string, string])[]): string[] {
  return names.filter(([name]) => attributes[name] !== undefined).map(([name]) => `      <data key="${prefix}_${name}">${xml(String(attributes[name]))}</data>`);
}

/**
 * GraphML 1.0 for Gephi, yEd and Cytoscape desktop: one directed graph, concepts as nodes (id =
 * concept id, a `label` attribute with the name) and relations as edges (id = relation id), every
 * attribute declared with its type in a <key>.
 */
export function graphmlFile(graph: KnowledgeGraph, meta: ExportMetadata): ExportFile {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...(meta.graphVersion === undefined ? [] : ['  <key id="g_graph_version" for="graph" attr.name="graph_version" attr.type="string"/>']),
    ...NODE_ATTRIBUTES.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_ATTRIBUTES.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="knowledge-graph" edgedefault="directed">',
    ...(meta.graphVersion === undefined ? [] : [`    <data key="g_graph_version">${xml(meta.graphVersion)}</data>`]),
  ];
  for (const concept of graph.concepts) {
    lines.push(`    <node id="${xml(concept.id)}">`, ...dataLines("n", nodeAttributes(concept), NODE_ATTRIBUTES), "    </node>");
  }
  for (const relation of graph.relations) {
    lines.push(
      `    <edge id="${xml(relation.id)}" source="${xml(relation.from)}" target="${xml(relation.to)}">`,
      ...dataLines("e", edgeAttributes(relation), EDGE_ATTRIBUTES),
      "    </edge>",
    );
  }
  lines.push("  </graph>", "</graphml>");
  return { name: "graph.graphml", mediaType: "application/graphml+xml; charset=utf-8", text: `${lines.join("\n")}\n` };
}

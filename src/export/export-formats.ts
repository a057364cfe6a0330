import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { cytoscapeFile } from "./cytoscape.writer.js";
import type { ExportFile, ExportMetadata } from "./export-file.js";
import { graphmlFile } from "./graphml.writer.js";
import { kgxFiles } from "./kgx.writer.js";
import { neo4jCsvFiles } from "./neo4j-csv.writer.js";

/** The export formats, by the name the CLI and the HTTP route take. */
export const EXPORT_FORMATS = ["kgx", "graphml", "csv", "cytoscape"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when the value names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The files of one format, in a fixed order; byte-stable for the same graph and metadata. */
export function exportFiles(format: ExportFormat, graph: KnowledgeGraph, meta: ExportMetadata): ExportFile[] {
  switch (format) {
    case "kgx":
      return kgxFiles(graph, meta);
    case "graphml":
      return [graphmlFile(graph, meta)];
    case "csv":
      return neo4jCsvFiles(graph);
    case "cytoscape":
      return [cytoscapeFile(graph, meta)];
  }
}

import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { graphMetadata, type ExportFile, type ExportMetadata } from "./export-file.js";
import { KGX_EDGE_COLUMNS, KGX_NODE_COLUMNS, kgxRecords, kgxSources, type KgxRecord } from "./kgx-records.js";
import { joinList, tsvCell } from "./text-cells.js";

/** The KGX list delimiter in TSV. */
export const KGX_TSV_LIST_DELIMITER = "|";

function tsv(records: readonly KgxRecord[], columns: readonly string[]): string {
  const lines = [columns.join("\t")];
  for (const record of records) {
    lines.push(
      columns
        .map((column) => {
          const value = record[column];
          if (value === undefined) return "";
          if (typeof value === "number") return String(value);
          if (typeof value === "string") return tsvCell(value);
          return tsvCell(joinList(value, KGX_TSV_LIST_DELIMITER));
        })
        .join("\t"),
    );
  }
  return `${lines.join("\n")}\n`;
}

function jsonl(records: readonly KgxRecord[], columns: readonly string[]): string {
  // Columns in a fixed order, so the files are byte-stable.
  return records.map((r) => `${JSON.stringify(Object.fromEntries(columns.filter((c) => r[c] !== undefined).map((c) => [c, r[c]])))}\n`).join("");
}

/**
 * KGX in both of its text forms (nodes.tsv and edges.tsv, nodes.jsonl and edges.jsonl), plus
 * sources.json: the information resources the edges cite, with their sections, and the graph
 * metadata (where it was read from; the graph version once there is one).
 */
export function kgxFiles(graph: KnowledgeGraph, meta: ExportMetadata): ExportFile[] {
  const { nodes, edges } = kgxRecords(graph);
  return [
    { name: "nodes.tsv", mediaType: "text/tab-separated-values; charset=utf-8", text: tsv(nodes, KGX_NODE_COLUMNS) },
    { name: "edges.tsv", mediaType: "text/tab-separated-values; charset=utf-8", text: tsv(edges, KGX_EDGE_COLUMNS) },
    { name: "nodes.jsonl", mediaType: "application/x-ndjson; charset=utf-8", text: jsonl(nodes, KGX_NODE_COLUMNS) },
    { name: "edges.jsonl", mediaType: "application/x-ndjson; charset=utf-8", text: jsonl(edges, KGX_EDGE_COLUMNS) },
    { name: "sources.json", mediaType: "application/json; charset=utf-8", text: `${JSON.stringify({ ...graphMetadata(meta), sources: kgxSources(graph.sources) }, null, 1)}\n` },
  ];
}

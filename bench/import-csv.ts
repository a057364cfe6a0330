import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import type { KnowledgeGraph } from "../src/domain/knowledge-graph.model.js";
import { neo4jAdminArguments, neo4jCsvPieces, neo4jCsvTables } from "../src/export/neo4j-csv.writer.js";

/** Rows per piece: small enough that no piece nears V8's longest string, large enough that writes stay few. */
const ROWS_PER_PIECE = 20_000;

/** The CSV files written for one graph, and what neo4j-admin needs to import them. */
export interface WrittenCsv {
  /** `neo4j-admin` arguments that import the files, run from their folder. */
  readonly adminArguments: readonly string[];
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes the graph's neo4j-admin CSV (the tables of `npm run export -- --format csv`, byte for byte)
 * into `dir`, each file in pieces, since a 1M-concept graph's evidence file (519 MB) is 97% of V8's longest string.
 */
export async function writeNeo4jCsv(graph: KnowledgeGraph, dir: string): Promise<WrittenCsv> {
  await mkdir(dir, { recursive: true });
  const tables = neo4jCsvTables(graph);
  let bytes = 0;
  for (const table of tables) {
    const file = await open(path.join(dir, table.name), "w");
    try {
      for (const piece of neo4jCsvPieces(table, ROWS_PER_PIECE)) bytes += (await file.write(piece)).bytesWritten;
    } finally {
      await file.close();
    }
  }
  return { adminArguments: neo4jAdminArguments(tables), files: tables.length, rows: tables.reduce((n, t) => n + t.rows.length, 0), bytes };
}

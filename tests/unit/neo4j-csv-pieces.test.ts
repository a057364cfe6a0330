import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { exportFiles } from "../../src/export/export-formats.js";
import { neo4jAdminArguments, neo4jCsvPieces, neo4jCsvTables } from "../../src/export/neo4j-csv.writer.js";
import { importSummary } from "../../tools/neo4j/neo4j-server.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

describe("neo4j-admin CSV written in pieces (bench:import, graphs too large for one string)", () => {
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = await curatedGraph();
  });

  it("joins to exactly the csv export's file for every table, whatever the piece size", () => {
    const files = exportFiles("csv", graph, {});
    for (const rowsPerPiece of [1, 7, 1_000_000]) {
      for (const table of neo4jCsvTables(graph)) {
        expect([...neo4jCsvPieces(table, rowsPerPiece)].join(""), `${table.name} in pieces of ${rowsPerPiece}`).toBe(files.find((f) => f.name === table.name)?.text);
      }
    }
  });

  it("gives the header alone first and no piece longer than asked", () => {
    const evidence = neo4jCsvTables(graph).find((t) => t.name === "evidence.csv")!;
    const pieces = [...neo4jCsvPieces(evidence, 7)];
    expect(pieces[0]!.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(pieces.length).toBe(1 + Math.ceil(evidence.rows.length / 7));
  });

  it("refuses a piece size that would loop forever or skip rows", () => {
    const table = neo4jCsvTables(graph)[0]!;
    expect(() => [...neo4jCsvPieces(table, 0)]).toThrow(/rowsPerPiece/);
    expect(() => [...neo4jCsvPieces(table, 2.5)]).toThrow(/rowsPerPiece/);
  });

  it("names every table for neo4j-admin as import.sh does", () => {
    const tables = neo4jCsvTables(graph);
    const script = exportFiles("csv", graph, {}).find((f) => f.name === "import.sh")!.text;
    const args = neo4jAdminArguments(tables);
    expect(args.slice(0, 4)).toEqual(["database", "import", "full", "neo4j"]);
    for (const table of tables) expect(script).toContain(`--${table.kind}=${table.name}`);
    expect(args.filter((a) => a.startsWith("--nodes=") || a.startsWith("--relationships="))).toHaveLength(tables.length);
  });
});

describe("importSummary", () => {
  it("reads the counts and peak memory neo4j-admin prints at the end of an import", () => {
    const output = "IMPORT DONE in 6s 219ms. \nImported:\n  27428 nodes\n  47398 relationships\n  423204 properties\nPeak memory usage: 1.033GiB";
    expect(importSummary(output)).toEqual({ nodes: 27428, relationships: 47398, properties: 423204, peakMemory: "1.033GiB" });
  });

  it("is null for an import that did not finish", () => {
    expect(importSummary("Import error: Duplicate input ids\nCaused by: ...")).toBeNull();
  });
});

import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { exportFiles } from "../../src/export/export-formats.js";
import { neo4jAdminArguments, neo4jCsvTables } from "../../src/export/neo4j-csv.writer.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { importSummary, runNeo4jAdmin } from "../../tools/neo4j/neo4j-server.js";
import { curatedGraph, loadCuratedGraph, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

/** The Neo4j 5.26 jars the launcher runs on; they include neo4j-admin's import tool. */
const NEO4J_LIB = path.join(REPO_ROOT, "tools", "neo4j", "target", "lib");
const adminJars = existsSync(NEO4J_LIB) && readdirSync(NEO4J_LIB).some((name) => name.startsWith("neo4j-import-tool-"));
if (!adminJars && !noNeo4j) console.warn("SKIPPING the neo4j-admin import check: tools/neo4j/target/lib has no neo4j-import-tool jar (run `npm run neo4j` once to build it).");

/** The knowledge the export carries; guided tours (:Tour, :TourStep) stay out of it (see the round-trip test). */
const KNOWLEDGE = "(n:Concept OR n:Source OR n:Section OR n:Evidence OR n:Xref)";

describe.skipIf(noNeo4j || !adminJars)("the neo4j-admin CSV under the real `neo4j-admin database import`", () => {
  let executor: Neo4jExecutor;
  let work: string;
  beforeAll(async () => {
    executor = testExecutor();
    work = await mkdtemp(path.join(tmpdir(), "kg-neo4j-admin-"));
  });
  afterAll(async () => {
    await executor?.close();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  it("imports every row, giving as many nodes, relationships and properties as the seed loader writes", { timeout: 300_000 }, async () => {
    await loadCuratedGraph(executor);
    const [loaded] = await executor.read({
      cypher: `
        CALL () { MATCH (n) WHERE ${KNOWLEDGE} RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProps }
        CALL () { MATCH (a)-[r]->(b) WHERE ${KNOWLEDGE.replaceAll("n:", "a:")} AND ${KNOWLEDGE.replaceAll("n:", "b:")} RETURN count(r) AS rels, sum(size(keys(r))) AS relProps }
        RETURN nodes, rels, nodeProps + relProps AS props`,
      params: {},
    });
    const graph = await curatedGraph();
    const files = exportFiles("csv", graph, {});
    for (const file of files) await writeFile(path.join(work, file.name), file.text);
    // The arguments import.sh passes, so the script's command is what is checked.
    const tables = neo4jCsvTables(graph);
    expect(files.find((f) => f.name === "import.sh")!.text).toContain(tables.map((t) => `--${t.kind}=${t.name}`).join(" \\\n  "));
    const result = await runNeo4jAdmin(neo4jAdminArguments(tables), { home: path.join(work, "home"), cwd: work, heap: "512m", timeoutMs: 240_000 });
    expect(result.output).toContain("IMPORT DONE");
    expect(result.code).toBe(0);
    expect(importSummary(result.output)).toMatchObject({ nodes: loaded!["nodes"], relationships: loaded!["rels"], properties: loaded!["props"] });
  });
});

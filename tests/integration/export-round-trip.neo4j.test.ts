import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import type { ExportFile } from "../../src/export/export-file.js";
import { exportFiles } from "../../src/export/export-formats.js";
import { readKgx } from "../../src/export/kgx.reader.js";
import { readNeo4jCsv } from "../../src/export/neo4j-csv.reader.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { importNeo4jCsv } from "../../src/neo4j/neo4j-csv.importer.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { loadGraph } from "../../src/neo4j/seed-loader.js";
import { readGraphSnapshot } from "../../src/services/graph-snapshot.service.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { loadCuratedGraph, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

const text = (files: readonly ExportFile[], name: string): string => files.find((f) => f.name === name)!.text;

/**
 * The exports carry the knowledge (concepts, relations, evidence, sources) and leave the guided tours
 * out: tours are teaching material written over the graph, loaded from graph-seed/ by `npm run seed`,
 * not graph data. So a round trip is compared with the knowledge part of the original fingerprint,
 * and everything the seed owns after an import must be exactly that part: nothing lost, nothing
 * changed, and no tours.
 */
describe.skipIf(noNeo4j)("export round trips through an emptied Neo4j", () => {
  let executor: Neo4jExecutor;
  let original: string[];
  let exported: KnowledgeGraph;
  beforeAll(async () => {
    executor = testExecutor();
    await loadCuratedGraph(executor);
    original = await graphFingerprint(executor, "knowledge");
    exported = await readGraphSnapshot(new Neo4jKnowledgeStore(executor));
  });
  afterAll(async () => {
    // Other integration files expect the curated graph.
    if (executor !== undefined) {
      await loadCuratedGraph(executor);
      await executor.close();
    }
  });

  it("reads the same whole graph from Neo4j as the validated seed holds", async () => {
    const seed = await loadCuratedGraph(executor);
    const sortById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(exported.concepts).toEqual(sortById(seed.concepts));
    expect(exported.relations).toEqual(sortById(seed.relations));
    expect(exported.sources).toEqual(sortById(seed.sources));
  });

  it("leaves the guided tours out of the exported graph, though the curated seed has some", async () => {
    const seed = await loadCuratedGraph(executor);
    expect(seed.tours.length).toBeGreaterThan(0);
    expect(exported.tours).toEqual([]);
    expect(await graphFingerprint(executor, "seed")).not.toEqual(original);
  });

  it("imports the neo4j-admin CSV, read by its headers, into exactly the graph the loader writes", async () => {
    const files = exportFiles("csv", exported, {});
    const tables = files.filter((f) => f.name.endsWith(".csv")).map((f) => readNeo4jCsv(f.text));
    const counters = await importNeo4jCsv(executor, tables);
    expect(counters.nodesCreated).toBeGreaterThan(0);
    expect(await graphFingerprint(executor, "seed")).toEqual(original);
  });

  it.each(["tsv", "jsonl"] as const)("imports the KGX %s export through the loader into exactly the original graph", async (form) => {
    const files = exportFiles("kgx", exported, {});
    const read = readKgx({ form, nodes: text(files, `nodes.${form}`), edges: text(files, `edges.${form}`), sources: text(files, "sources.json") });
    if (!read.ok) throw new Error(`KGX import invalid: ${JSON.stringify(read.issues.slice(0, 3))}`);
    await loadGraph(executor, read.graph, { reset: true });
    expect(await graphFingerprint(executor, "seed")).toEqual(original);
  });

  it("notices a difference: a CSV with one relation fewer does not give the original fingerprint", async () => {
    const files = exportFiles("csv", { ...exported, relations: exported.relations.slice(1) }, {});
    await importNeo4jCsv(executor, files.filter((f) => f.name.endsWith(".csv")).map((f) => readNeo4jCsv(f.text)));
    expect(await graphFingerprint(executor, "seed")).not.toEqual(original);
  });
});

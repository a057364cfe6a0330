import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { seedNormalForm } from "../../src/domain/seed-normal-form.js";
import { seedFileSchemas, type SeedFileKind } from "../../src/domain/seed-schema.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { writeSyntheticSeed } from "../../src/generate/seed-writer.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { resetGraphQuery } from "../../src/neo4j/cypher/seed-load.cypher.js";
import { readLiveGraph } from "../../src/neo4j/live-graph.reader.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { loadGraph, readGraphCounts } from "../../src/neo4j/seed-loader.js";
import { exportSeed, type SeedExportResult } from "../../src/seed/seed-export.js";
import { OutputFolderNotEmptyError } from "../../src/seed/seed-folder.writer.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { SEED_DIR, SOURCE_TEXT_DIR, curatedGraph, loadCuratedGraph, neo4jConnection, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

const DATASET = "back-muscle-spasm";

async function validated(seedDir: string, sourceTextDir = SOURCE_TEXT_DIR) {
  const read = await readValidatedSeed(seedDir, sourceTextDir);
  if (!read.ok) throw new Error(`seed in ${seedDir} is invalid:\n${read.issues.map((i) => JSON.stringify(i)).join("\n")}`);
  return read.graph;
}

function expectWritten(result: SeedExportResult): asserts result is Extract<SeedExportResult, { ok: true }> {
  if (!result.ok) throw new Error(`export refused:\n${result.issues.map((i) => JSON.stringify(i)).join("\n")}`);
}

/** Every entry of every seed file in a folder, by kind and id, with the schema's defaults applied. */
async function seedEntries(seedDir: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const dataset of await readdir(seedDir, { withFileTypes: true })) {
    if (!dataset.isDirectory()) continue;
    for (const name of await readdir(path.join(seedDir, dataset.name))) {
      const kind = name.replace(/\.yaml$/, "") as SeedFileKind;
      const parsed = seedFileSchemas[kind].parse(parse(await readFile(path.join(seedDir, dataset.name, name), "utf8")));
      for (const entry of (parsed as Record<string, { id: string }[]>)[kind]!) out.set(`${dataset.name}/${kind}/${entry.id}`, entry);
    }
  }
  return out;
}

/** Leftovers of a failed export next to `dir`: temporary folders named after it. */
async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(path.dirname(dir))).filter((name) => name.startsWith(`.${path.basename(dir)}.export-`));
}

function runSeedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/seed.cli.ts", ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NEO4J_URI: neo4jConnection!.uri, NEO4J_USER: neo4jConnection!.user, NEO4J_PASSWORD: neo4jConnection!.password },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });
}

describe.skipIf(noNeo4j)("npm run seed -- --export: the graph in Neo4j back to seed files", () => {
  let executor: Neo4jExecutor;
  let work: string;
  let original: string[];
  beforeAll(async () => {
    executor = testExecutor();
    work = await mkdtemp(path.join(tmpdir(), "kg-seed-export-"));
    await loadCuratedGraph(executor);
    original = await graphFingerprint(executor, "seed");
  });
  afterAll(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true });
    if (executor !== undefined) {
      // Other integration files expect the curated graph and nothing else.
      await executor.writeAll([{ cypher: "MATCH (n) WHERE n:Change OR n:GraphState OR n:RetractedRelation OR n:RetractedEvidence DETACH DELETE n", params: {} }]);
      await loadCuratedGraph(executor);
      await executor.close();
    }
  });

  it("writes the freshly loaded seed back byte for byte, comments and attributions included, keeping graph-seed/ as the base", async () => {
    const out = path.join(work, "with-base");
    const result = await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR });
    expectWritten(result);
    expect(result.changedFiles).toEqual([]);
    expect(result.droppedFiles).toEqual([]);
    const committed = (await readdir(path.join(SEED_DIR, DATASET))).filter((n) => n.endsWith(".yaml")).sort();
    expect((await readdir(path.join(out, DATASET))).sort()).toEqual(committed);
    for (const name of committed) {
      expect(await readFile(path.join(out, DATASET, name), "utf8"), name).toBe(await readFile(path.join(SEED_DIR, DATASET, name), "utf8"));
    }
  });

  it("without a base, writes files that the seed reader and validator read as the same graph as graph-seed/", async () => {
    const out = path.join(work, "plain");
    const result = await exportSeed(await readLiveGraph(executor, { pageSize: 7 }), { outDir: out, force: false, baseDir: null, sourceTextDir: SOURCE_TEXT_DIR });
    expectWritten(result);
    const seed = await curatedGraph();
    expect(result.counts).toEqual({
      concepts: seed.concepts.length,
      relations: seed.relations.length,
      evidence: seed.relations.reduce((n, r) => n + r.evidence.length, 0),
      sources: seed.sources.length,
      tours: seed.tours.length,
    });
    expect(seedNormalForm(await validated(out))).toEqual(seedNormalForm(seed));
  });

  it("without a base, keeps every field of every entry of graph-seed/ except the attributions, which Neo4j does not hold", async () => {
    const out = path.join(work, "plain-entries");
    expectWritten(await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: null, sourceTextDir: SOURCE_TEXT_DIR }));
    const withoutAttributions = (entries: Map<string, unknown>) =>
      new Map([...entries].map(([key, entry]) => [key, { ...(entry as object), attributions: undefined }]));
    const committed = await seedEntries(SEED_DIR);
    expect([...committed.values()].some((e) => (e as { attributions?: unknown[] }).attributions !== undefined)).toBe(true);
    expect(withoutAttributions(await seedEntries(out))).toEqual(withoutAttributions(committed));
  });

  it("loads the export into an emptied Neo4j as exactly the original graph (same fingerprint, tours included)", async () => {
    const out = path.join(work, "round-trip");
    expectWritten(await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: null, sourceTextDir: SOURCE_TEXT_DIR }));
    await executor.writeAll([resetGraphQuery()]);
    expect((await readGraphCounts(executor)).concepts).toBe(0);
    expect(await graphFingerprint(executor, "seed")).toEqual([]);
    await loadGraph(executor, await validated(out), { reset: false });
    expect(await graphFingerprint(executor, "seed")).toEqual(original);
  });

  it("reads only the live graph: retracted evidence, retracted relations and change history stay out", async () => {
    await loadCuratedGraph(executor);
    await executor.writeAll([
      {
        cypher: `
          MATCH (a:Concept {id: 'sports-back-injury'}), (b:Concept {id: 'back-pain'})
          CREATE (:Evidence:RetractedEvidence {id: 'sports-injury-dislodges-disc#9', relationId: 'sports-injury-dislodges-disc', position: 9,
                  claim: 'A retracted claim.', knowledgeLevel: 'knowledge_assertion', agentType: 'manual_agent',
                  sourceId: 'back-spasm-article', sectionId: 'introduction', start: 518, end: 821})
          CREATE (:RetractedRelation {id: 'retracted-one', type: 'CAUSES', from: 'sports-back-injury', to: 'back-pain'})
          CREATE (:Change {version: 1, reason: 'test'})-[:PRODUCED]->(:GraphState {version: 1})
          CREATE (a)-[:RETRACTED {id: 'retracted-one'}]->(b)`,
        params: {},
      },
    ]);
    const out = path.join(work, "live-only");
    const result = await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR });
    expectWritten(result);
    expect(result.changedFiles).toEqual([]);
  });

  it("shows a curated change as a diff of just the entries it touched, keeping the group headings", async () => {
    await loadCuratedGraph(executor);
    const removed = "back-spasm-is-muscle-spasm"; // the first relation under a "classification" heading, in no tour
    await executor.writeAll([
      { cypher: "MATCH ()-[r {id: $id}]->() DELETE r", params: { id: removed } },
      { cypher: "MATCH (e:Evidence {relationId: $id}) DETACH DELETE e", params: { id: removed } },
      { cypher: "MATCH (c:Concept {id: 'ice-therapy'}) SET c.name = 'Cold packs on the back'", params: {} },
    ]);
    const out = path.join(work, "curated");
    const result = await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR });
    await loadCuratedGraph(executor);
    expectWritten(result);
    expect(result.changedFiles).toEqual([`${DATASET}/concepts.yaml`, `${DATASET}/relations.yaml`]);
    const lines = async (dir: string, name: string) => (await readFile(path.join(dir, DATASET, name), "utf8")).split("\n");

    const [conceptsBefore, conceptsAfter] = [await lines(SEED_DIR, "concepts.yaml"), await lines(out, "concepts.yaml")];
    expect(conceptsAfter.length).toBe(conceptsBefore.length);
    const changed = conceptsAfter.map((line, i) => [conceptsBefore[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([["    name: Icing the back", "    name: Cold packs on the back"]]);

    // The relation's lines go (up to the next entry); the heading above it stays, now over the next entry.
    const relationsBefore = await lines(SEED_DIR, "relations.yaml");
    const from = relationsBefore.indexOf(`  - id: ${removed}`);
    const to = relationsBefore.findIndex((line, i) => i > from && line.startsWith("  - id: "));
    expect(relationsBefore[from - 1]).toMatch(/^  # -+ classification$/);
    expect(await lines(out, "relations.yaml")).toEqual([...relationsBefore.slice(0, from), ...relationsBefore.slice(to)]);
  });

  it("writes nothing and names the problem when the graph would not re-seed", async () => {
    await executor.writeAll([{ cypher: "MATCH (:Concept {id: 'walking'})-[m:MENTIONED_IN]->() DELETE m", params: {} }]);
    const out = path.join(work, "invalid");
    const result = await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR });
    await loadCuratedGraph(executor);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ file: expect.stringContaining(path.join("invalid", DATASET, "concepts.yaml")), entryId: "walking", field: "mentions" })]);
    await expect(readdir(out)).rejects.toThrow();
    expect(await leftovers(out)).toEqual([]);
  });

  it("refuses a folder that holds files unless forced, and then replaces its seed files", async () => {
    const out = path.join(work, "occupied");
    await mkdir(path.join(out, "old-dataset"), { recursive: true });
    await writeFile(path.join(out, "notes.txt"), "keep me\n");
    await writeFile(path.join(out, "old-dataset", "concepts.yaml"), "concepts: []\n");
    const live = await readLiveGraph(executor);
    await expect(exportSeed(live, { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR })).rejects.toThrow(OutputFolderNotEmptyError);
    expect((await readdir(out)).sort()).toEqual(["notes.txt", "old-dataset"]);
    expect(await leftovers(out)).toEqual([]);
    expectWritten(await exportSeed(live, { outDir: out, force: true, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR }));
    expect((await readdir(out)).sort()).toEqual([DATASET, "notes.txt"]);
    expect(await leftovers(out)).toEqual([]);
  });

  it("round-trips a generated graph of 2,000 concepts, read in pages, to the same graph and fingerprint", async () => {
    const generated = generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 2000, seed: 11 });
    const written = await writeSyntheticSeed(generated, path.join(work, "synthetic"));
    const graph = await validated(written.seedDir, written.sourceTextDir);
    await loadGraph(executor, graph, { reset: true });
    const fingerprint = await graphFingerprint(executor, "seed");
    const live = await readLiveGraph(executor, { pageSize: 250 });
    expect(live.concepts).toHaveLength(graph.concepts.length);

    const plain = path.join(work, "synthetic-plain");
    expectWritten(await exportSeed(live, { outDir: plain, force: false, baseDir: null, sourceTextDir: written.sourceTextDir }));
    expect(seedNormalForm(await validated(plain, written.sourceTextDir))).toEqual(seedNormalForm(graph));
    const based = path.join(work, "synthetic-based");
    const result = await exportSeed(live, { outDir: based, force: false, baseDir: written.seedDir, sourceTextDir: written.sourceTextDir });
    expectWritten(result);
    expect(result.changedFiles).toEqual([]);

    await executor.writeAll([resetGraphQuery()]);
    await loadGraph(executor, await validated(plain, written.sourceTextDir), { reset: false });
    expect(await graphFingerprint(executor, "seed")).toEqual(fingerprint);
    await loadCuratedGraph(executor);
  }, 300_000);

  it("runs as `npm run seed -- --export DIR`, prints the counts, and exits 2 on an occupied folder", async () => {
    const out = path.join(work, "cli");
    const seed = await curatedGraph();
    const first = await runSeedCli(["--export", out]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const evidence = seed.relations.reduce((n, r) => n + r.evidence.length, 0);
    expect(first.stdout).toContain(
      `Exported ${seed.concepts.length} concepts, ${seed.relations.length} relations, ${evidence} evidence records, ${seed.sources.length} sources and ${seed.tours.length} tours to ${out}.`,
    );
    expect(first.stdout).toContain("4 of 4 file(s) are identical to graph-seed.");
    const again = await runSeedCli(["--export", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("is not empty; pass --force to replace it");
    expect((await runSeedCli(["--export", out, "--force", "--no-base"])).code).toBe(0);
    expect((await runSeedCli(["--export", out, "--reset"])).code).toBe(2);

    // The review workflow: export over a working copy of the seed folder itself, then diff it.
    const copy = path.join(work, "seed-copy");
    await cp(SEED_DIR, copy, { recursive: true });
    const over = await runSeedCli(["--export", copy, "--force", "--base", copy]);
    expect(over.code).toBe(0);
    expect((await readdir(copy)).sort()).toEqual((await readdir(SEED_DIR)).sort());
    for (const name of ["README.md", `${DATASET}/concepts.yaml`, `${DATASET}/relations.yaml`, `${DATASET}/sources.yaml`, `${DATASET}/tours.yaml`]) {
      expect(await readFile(path.join(copy, name), "utf8"), name).toBe(await readFile(path.join(SEED_DIR, name), "utf8"));
    }
  }, 240_000);
});

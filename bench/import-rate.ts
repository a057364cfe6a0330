/**
 * `npm run bench:import`: the offline route to a loaded graph, timed. For each size: generate the graph
 * as bench:scale does, (a) write it as neo4j-admin CSV with the export code, (b) import it with
 * `neo4j-admin database import full` into a fresh Neo4j home, (c) start Neo4j on that store, create the
 * schema and wait for the indexes, (d) check the counts and ask the compiled API for some concepts.
 *
 *   --sizes 100000,1000000   sizes to run (default both)
 *   --seed S                 generator seed (default 1)
 *   --data-root DIR          where each size's CSV and Neo4j home go (default .tmp/import; replaced per run)
 *   --importer-heap H        the importer's JVM heap (default 4g)
 *   --importer-off-heap M    its --max-off-heap-memory (default 4g: the tool's own default, 90% of free RAM, is too greedy on a shared machine)
 *   --neo4j-heap H / --page-cache P   for serving the imported store (default 4g / 2g, as bench:scale)
 *
 * The 1M size was measured with NODE_OPTIONS=--max-old-space-size=12288 (its graph and tables are held in memory
 * while the CSV is written; not tried with Node's default heap).
 */
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../src/config/config.js";
import type { KnowledgeGraph } from "../src/domain/knowledge-graph.model.js";
import { stampGraphLoadQuery } from "../src/neo4j/cypher/graph-stamp.cypher.js";
import { applyGraphSchema } from "../src/neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";
import { readGraphCounts } from "../src/neo4j/seed-loader.js";
import { findFreePort, importSummary, runNeo4jAdmin, startNeo4j } from "../tools/neo4j/neo4j-server.js";
import { writeNeo4jCsv } from "./import-csv.js";
import { importRawName, renderImport, type ImportRun, type ImportSizeResult } from "./import-report.js";
import { checkServed } from "./import-serve-check.js";
import { machineDescription, recordResults } from "./results-file.js";
import { generateGraph } from "./scale-setup.js";
import { sizeLabel } from "./scale-report.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000,1000000" },
    seed: { type: "string", default: "1" },
    "data-root": { type: "string", default: path.join(REPO_ROOT, ".tmp", "import") },
    "importer-heap": { type: "string", default: "4g" },
    "importer-off-heap": { type: "string", default: "4g" },
    "neo4j-heap": { type: "string", default: "4g" },
    "page-cache": { type: "string", default: "2g" },
  },
});
const seconds = (since: number): number => (performance.now() - since) / 1000;
/** Concepts asked for through the API: the first, one from the middle, the last. */
const samplesOf = (g: KnowledgeGraph): KnowledgeGraph["concepts"] => [0, Math.floor(g.concepts.length / 2), g.concepts.length - 1].map((i) => g.concepts[i]!);

/** Steps (a) and (b); the generated graph stays inside, so it can be collected before Neo4j needs the memory. */
async function generateWriteImport(size: number, dir: string, log: (line: string) => void) {
  const { graph, generateSeconds } = await generateGraph(size, Number(values.seed));
  log(`generated and validated in ${generateSeconds.toFixed(1)} s`);
  const expected = { concepts: graph.concepts.length, relations: graph.relations.length, evidence: graph.relations.reduce((n, r) => n + r.evidence.length, 0) };
  const samples = samplesOf(graph);
  let started = performance.now();
  const written = await writeNeo4jCsv(graph, path.join(dir, "csv"));
  const csv = { seconds: seconds(started), bytes: written.bytes, rows: written.rows };
  log(`CSV: ${written.files} files, ${(written.bytes / 2 ** 20).toFixed(0)} MB in ${csv.seconds.toFixed(1)} s`);
  started = performance.now();
  const args = [...written.adminArguments, `--max-off-heap-memory=${values["importer-off-heap"]}`];
  const result = await runNeo4jAdmin(args, { home: path.join(dir, "home"), cwd: path.join(dir, "csv"), heap: values["importer-heap"], log: (line) => log(`  neo4j-admin: ${line}`) });
  const importSeconds = seconds(started);
  const imported = importSummary(result.output);
  if (result.code !== 0 || imported === null) throw new Error(`neo4j-admin exited with code ${result.code}:\n${result.output.slice(-3000)}`);
  log(`import: ${importSeconds.toFixed(1)} s, ${imported.nodes} nodes, ${imported.relationships} relationships`);
  return { generateSeconds, expected, samples, csv, import: { seconds: importSeconds, ...imported } };
}

/** Steps (c) and (d) on the imported store; Neo4j is stopped before this returns. */
async function serve(home: string, imported: Awaited<ReturnType<typeof generateWriteImport>>, log: (line: string) => void) {
  const started = performance.now();
  const neo4j = await startNeo4j({ dataDir: home, port: await findFreePort(), heap: values["neo4j-heap"], pageCache: values["page-cache"], log: () => {} });
  const executor = Neo4jExecutor.create({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: "neo4j", queryTimeoutMs: 3_600_000, maxPoolSize: 10, connectTimeoutMs: 10_000, maxRetryMs: 3000 });
  try {
    const startSeconds = seconds(started);
    log(`Neo4j (pid ${neo4j.pid}) up on the imported store in ${startSeconds.toFixed(1)} s`);
    await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"), 3600);
    // The stamp the loader writes last: the API's replica and caches key on it.
    await executor.writeAll([stampGraphLoadQuery(randomUUID(), true)]);
    const servable = { seconds: seconds(started), startSeconds, schemaSeconds: seconds(started) - startSeconds };
    log(`schema and indexes online: ${servable.seconds.toFixed(1)} s after the start`);
    const found = await readGraphCounts(executor);
    const e = imported.expected;
    const counts = { concepts: found.concepts, relations: found.relations, evidence: found.evidence, match: found.concepts === e.concepts && found.relations === e.relations && found.evidence === e.evidence };
    const served = await checkServed(neo4j, imported.samples);
    log(`counts ${counts.match ? "as generated" : "DIFFER"}; API answered ${served.matched} of ${served.asked} lookups as generated`);
    return { servable, counts, served };
  } finally {
    await executor.close();
    await neo4j.stop();
  }
}

async function measure(size: number): Promise<ImportSizeResult> {
  const log = (line: string): void => console.log(`${sizeLabel(size)}: ${line}`);
  const dir = path.resolve(values["data-root"], sizeLabel(size));
  await rm(dir, { recursive: true, force: true }); // a fresh home: the importer only writes into an empty database
  const loadBefore = loadavg();
  log(`load average ${loadBefore.map((x) => x.toFixed(2)).join(" ")}`);
  const imported = await generateWriteImport(size, dir, log);
  const { servable, counts, served } = await serve(path.join(dir, "home"), imported, log);
  const loadAfter = loadavg();
  log(`load average ${loadAfter.map((x) => x.toFixed(2)).join(" ")}`);
  const { expected, generateSeconds, csv } = imported;
  return { size, relations: expected.relations, evidence: expected.evidence, generateSeconds, csv, import: imported.import, servable, counts, served, loadBefore, loadAfter };
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const run: ImportRun = {
    machine: machineDescription(), date, seed: Number(values.seed), sizes: [],
    importerHeap: values["importer-heap"], importerOffHeap: values["importer-off-heap"], neo4jHeap: values["neo4j-heap"], pageCache: values["page-cache"],
  };
  for (const size of values.sizes.split(",").map(Number)) {
    run.sizes.push(await measure(size));
    // Kept per size, so a later size that fails leaves the earlier figures behind.
    await writeFile(path.join(values["data-root"], "import-results.json"), JSON.stringify(run, null, 2));
  }
  const section = renderImport(run);
  await recordResults(section, importRawName(date), run);
  console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

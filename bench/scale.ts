/**
 * `npm run bench:scale`: the mix at 10k, 100k and 1M generated concepts. For each size: generate,
 * load into a fresh Neo4j (load time, relations per second), serve it from the compiled API in Neo4j
 * mode and run each query with varied ids for a fixed time; then memory mode: start-up time and RSS.
 *
 *   --sizes 10000,100000,1000000   sizes to run (default all three)
 *   --seconds S                    load time per query (default 8)
 *   --connections C                concurrent clients (default 4)
 *   --data-root DIR                where each size's Neo4j lives (default .tmp/scale); a size whose
 *                                  graph is already loaded there (with its load.json) is reused
 *   --neo4j-heap H                 Neo4j heap (default 4g)
 *   --skip-memory / --skip-neo4j
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../src/config/config.js";
import { findFreePort, startNeo4j } from "../tools/neo4j/neo4j-server.js";
import { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";
import { readGraphCounts } from "../src/neo4j/seed-loader.js";
import { startApiProcess } from "./api-process.js";
import { machineDescription } from "./results-file.js";
import { runScaleLoad } from "./scale-load.js";
import { drawIdPools, SCALE_QUERIES } from "./scale-queries.js";
import { generateAndLoad, writeGeneratedFiles, type LoadFigures } from "./scale-setup.js";
import { renderScale, type ScaleRun, type SizeResult } from "./scale-report.js";
import { startMemoryApi } from "./scale-memory.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "4" },
    "data-root": { type: "string", default: path.join(REPO_ROOT, ".tmp", "scale") },
    "neo4j-heap": { type: "string", default: "4g" },
    "skip-memory": { type: "boolean", default: false },
    "skip-neo4j": { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);
const POOL = 300;

async function neo4jSize(size: number): Promise<SizeResult["neo4j"]> {
  const dataDir = path.join(values["data-root"], label(size));
  const port = await findFreePort();
  const neo4j = await startNeo4j({ dataDir, port, heap: values["neo4j-heap"], pageCache: "2g", log: () => {} });
  const config = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: "neo4j", queryTimeoutMs: 600_000, maxPoolSize: 10, connectTimeoutMs: 10_000, maxRetryMs: 3000 };
  const executor = Neo4jExecutor.create(config);
  try {
    const loadFile = path.join(dataDir, "load.json");
    let load: LoadFigures;
    const counts = await readGraphCounts(executor);
    const stored = await readFile(loadFile, "utf8").then((t) => JSON.parse(t) as LoadFigures, () => null);
    if (stored !== null && counts.concepts === stored.concepts) {
      console.log(`${label(size)}: reusing the graph loaded on ${stored.loadedAt}`);
      load = stored;
    } else {
      console.log(`${label(size)}: generating and loading into a fresh Neo4j...`);
      load = await generateAndLoad(executor, size, (line) => console.log(`  ${line}`));
      await writeFile(loadFile, JSON.stringify(load, null, 2));
    }
    console.log(`  load: ${(load.seconds).toFixed(1)} s, ${Math.round(load.relationsPerSecond)} relations/s, ${Math.round(load.relationshipsPerSecond)} relationships/s`);
    const pools = await drawIdPools(executor, POOL);
    const api = await startApiProcess({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_QUERY_TIMEOUT_MS: "30000", REQUEST_TIMEOUT_MS: "30000" }, await findFreePort());
    const queries: SizeResult["neo4j"]["queries"] = {};
    try {
      for (const q of SCALE_QUERIES) {
        await runScaleLoad(api.url, q, pools, connections, Math.min(2, seconds), 99); // warm-up
        const r = await runScaleLoad(api.url, q, pools, connections, seconds);
        queries[q.name] = r;
        console.log(`  ${q.name.padEnd(30)} p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  ${r.reqPerSec.toFixed(0)} req/s  errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      }
    } finally {
      await api.stop();
    }
    return { load, queries };
  } finally {
    await executor.close();
    await neo4j.stop();
  }
}

async function main(): Promise<void> {
  const run: ScaleRun = { machine: machineDescription(), date: new Date().toISOString(), seconds, connections, sizes: [] };
  for (const size of sizes) {
    const result: SizeResult = { size, neo4j: { load: null, queries: {} }, memory: null };
    if (!values["skip-neo4j"]) result.neo4j = await neo4jSize(size);
    if (!values["skip-memory"]) {
      const files = await writeGeneratedFiles(path.join(values["data-root"], `files-${label(size)}`), size);
      result.memory = await startMemoryApi(files);
      console.log(`  memory mode: ${result.memory.outcome}`);
    }
    run.sizes.push(result);
    await writeFile(path.join(values["data-root"], "scale-results.json"), JSON.stringify(run, null, 2));
  }
  console.log(renderScale(run));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

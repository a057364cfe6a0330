/**
 * `npm run bench`: the API against the seeded Neo4j, the same questions as hand-written Cypher through
 * the driver (the floor), and the API on the in-process graph, all in one run on this machine.
 * `npm run bench -- --soak [--soak-seconds N]` runs the soak test instead (bench/soak.ts).
 * Results are appended to bench/RESULTS.md (and the raw figures to bench/results/*.json).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { REPO_ROOT } from "../src/config/config.js";
import { applyGraphSchema } from "../src/neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";
import { loadGraph } from "../src/neo4j/seed-loader.js";
import { readValidatedSeed } from "../src/seed/seed-pipeline.js";
import { ensureNeo4jBuilt, findFreePort, startNeo4j, type RunningNeo4j } from "../tools/neo4j/neo4j-server.js";
import { startApiProcess } from "./api-process.js";
import { runDriverLoad, runHttpLoad, type LoadResult } from "./load-runners.js";
import { QUERY_MIX } from "./query-mix.js";
import { machineDescription, recordResults } from "./results-file.js";
import { renderResults, type BenchRun } from "./results-report.js";
import { renderSoak, runSoak, SOAK_DEFAULT_SECONDS } from "./soak.js";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 10);
const CONNECTIONS = Number(process.env["BENCH_CONNECTIONS"] ?? 10);
const PASSWORD = process.env["NEO4J_PASSWORD"] ?? "knowledge-graph-dev";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { soak: { type: "boolean", default: false }, "soak-seconds": { type: "string" } } });
  if (values.soak || values["soak-seconds"] !== undefined) {
    const soak = await runSoak(Number(values["soak-seconds"] ?? SOAK_DEFAULT_SECONDS));
    const section = renderSoak(soak, machineDescription());
    await recordResults(section, `soak-${soak.date}`, soak);
    console.log(section);
    return;
  }
  console.error("building dist/ (the API runs compiled, as in production)");
  execFileSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, stdio: "inherit" });

  let private4j: RunningNeo4j | null = null;
  let dataDir: string | null = null;
  let uri = process.env["NEO4J_URI"];
  if (uri === undefined || uri === "") {
    await ensureNeo4jBuilt();
    dataDir = await mkdtemp(path.join(tmpdir(), "kg-bench-neo4j-"));
    private4j = await startNeo4j({ port: await findFreePort(), dataDir, password: PASSWORD });
    uri = private4j.uri;
  }
  const neo4jConfig = { uri, user: "neo4j", password: PASSWORD, database: "neo4j", queryTimeoutMs: 30_000, maxPoolSize: 50, connectTimeoutMs: 10_000, maxRetryMs: 3000 };
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", PASSWORD), { maxConnectionPoolSize: 50 });
  try {
    const seed = await readValidatedSeed(path.join(REPO_ROOT, "graph-seed"), path.resolve(REPO_ROOT, "..", "shared", "sources"));
    if (!seed.ok) throw new Error("the seed does not validate; run npm run seed -- --check");
    const executor = Neo4jExecutor.create(neo4jConfig);
    await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
    await loadGraph(executor, seed.graph, { reset: true });
    await executor.close();

    const run: BenchRun = {
      date: new Date().toISOString(),
      machine: machineDescription(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      startupMs: {},
      api: {},
      raw: {},
      memory: {},
    };

    const backends: { key: "api" | "memory"; env: Record<string, string> }[] = [
      { key: "api", env: { NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD } },
      { key: "memory", env: { NEO4J_URI: "" } },
    ];
    for (const backend of backends) {
      const api = await startApiProcess(backend.env, await findFreePort());
      run.startupMs[backend.key === "api" ? "neo4j" : "memory"] = api.startupMs;
      try {
        for (const entry of QUERY_MIX) {
          await assertAnswers(api.url, entry.graphql);
          await runHttpLoad(api.url, entry.graphql, CONNECTIONS, 2); // warm-up
          const result = await runHttpLoad(api.url, entry.graphql, CONNECTIONS, SECONDS);
          run[backend.key][entry.name] = result;
          console.error(`${backend.key.padEnd(6)} ${entry.name.padEnd(30)} ${format(result)}`);
        }
      } finally {
        await api.stop();
      }
      if (backend.key === "api") {
        for (const entry of QUERY_MIX) {
          await assertRawAnswers(driver, entry.cypher, entry.params);
          await runDriverLoad(driver, entry.cypher, entry.params, CONNECTIONS, 2); // warm-up
          const result = await runDriverLoad(driver, entry.cypher, entry.params, CONNECTIONS, SECONDS);
          run.raw[entry.name] = result;
          console.error(`${"raw".padEnd(6)} ${entry.name.padEnd(30)} ${format(result)}`);
        }
      }
    }

    await recordResults(renderResults(run), run.date, run);
    console.log(renderResults(run));
  } finally {
    await driver.close();
    if (private4j !== null) await private4j.stop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  }
}

function format(r: LoadResult): string {
  return `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  errors ${r.errors}`;
}

async function assertAnswers(url: string, query: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors !== undefined) throw new Error(`benchmark query failed: ${JSON.stringify(body.errors)}`);
}

async function assertRawAnswers(driver: neo4j.Driver, cypher: string, params: Record<string, unknown>): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params));
    if (result.records.length === 0) throw new Error(`raw Cypher returned nothing: ${cypher.slice(0, 80)}`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

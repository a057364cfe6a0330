/**
 * `npm run bench [-- --quick]`: our API on the seeded Neo4j and on the in-process graph, the peer
 * (`@neo4j/graphql`, bench/peer/) on the same Neo4j, and the same questions as hand-written Cypher through the
 * driver (the floor), side by side in one run on this machine, after checking that all four answer alike.
 * `--quick` is the CI smoke run: one short round, exits non-zero when answers differ or requests fail, records nothing.
 * `npm run bench -- --soak [--soak-seconds N]` runs the soak test instead (bench/soak.ts).
 * Results are appended to bench/RESULTS.md (and the raw figures to bench/results/*.json).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { REPO_ROOT } from "../src/config/config.js";
import { applyGraphSchema } from "../src/neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";
import { loadGraph } from "../src/neo4j/seed-loader.js";
import { readValidatedSeed } from "../src/seed/seed-pipeline.js";
import { buildIsStale } from "../tools/build/build-freshness.mjs";
import { BUILD_INPUTS, STAMP } from "../tools/build/build-paths.mjs";
import { ensureNeo4jBuilt, findFreePort, startNeo4j, type RunningNeo4j } from "../tools/neo4j/neo4j-server.js";
import { checkAnswers } from "./answer-check.js";
import { startApiProcess } from "./api-process.js";
import { benchArguments } from "./bench-arguments.js";
import { httpSetup, rawSetup } from "./bench-setups.js";
import { startPeerProcess } from "./peer/peer-process.js";
import { machineDescription, recordResults } from "./results-file.js";
import { renderAnswerCheck, renderResults, type BenchRun } from "./results-report.js";
import { runRounds } from "./side-by-side.js";
import { renderSoak, runSoak, SOAK_DEFAULT_SECONDS } from "./soak.js";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 8);
const WARMUP_SECONDS = Number(process.env["BENCH_WARMUP_SECONDS"] ?? 2);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 2);
const CONNECTIONS = Number(process.env["BENCH_CONNECTIONS"] ?? 10);
/** `--quick`: one round, a second per query and setup, no warm-up beyond the answer check. */
const QUICK = { rounds: 1, seconds: 1, warmupSeconds: 0, connections: CONNECTIONS } as const;
const PASSWORD = process.env["NEO4J_PASSWORD"] ?? "knowledge-graph-dev";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { soak: { type: "boolean", default: false }, "soak-seconds": { type: "string" }, quick: { type: "boolean", default: false } },
  });
  if (values.soak || values["soak-seconds"] !== undefined) {
    const soak = await runSoak(Number(values["soak-seconds"] ?? SOAK_DEFAULT_SECONDS));
    const section = renderSoak(soak, machineDescription());
    await recordResults(section, `soak-${soak.date}`, soak);
    console.log(section);
    return;
  }
  const quick = values.quick;
  const settings = quick ? QUICK : { rounds: ROUNDS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS };
  // The API runs compiled, as in production; dist/ is rebuilt only when a source is newer than the last build.
  if (buildIsStale(STAMP, BUILD_INPUTS)) execFileSync(process.execPath, [path.join(REPO_ROOT, "tools", "build", "build-dist.mjs")], { stdio: "inherit" });

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
  // Raw Cypher gets integers as plain numbers, as a developer writing the floor by hand would ask for.
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", PASSWORD), { maxConnectionPoolSize: 50, disableLosslessIntegers: true });
  try {
    const seed = await readValidatedSeed(path.join(REPO_ROOT, "graph-seed"), path.resolve(REPO_ROOT, "..", "shared", "sources"));
    if (!seed.ok) throw new Error("the seed does not validate; run npm run seed -- --check");
    const executor = Neo4jExecutor.create(neo4jConfig);
    await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
    await loadGraph(executor, seed.graph, { reset: true });
    await executor.close();

    const args = benchArguments(seed.graph);
    const ours = await startApiProcess({ NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD }, await findFreePort());
    const replica = await startApiProcess({ NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD, READ_REPLICA: "true" }, await findFreePort()).catch(async (e: unknown) => {
      await ours.stop();
      throw e;
    });
    const memory = await startApiProcess({ NEO4J_URI: "" }, await findFreePort()).catch(async (e: unknown) => {
      await Promise.all([ours.stop(), replica.stop()]);
      throw e;
    });
    const peerStarted = performance.now();
    const peer = await startPeerProcess(uri, PASSWORD, await findFreePort()).catch(async (e: unknown) => {
      await Promise.all([ours.stop(), replica.stop(), memory.stop()]);
      throw e;
    });
    const peerStartupMs = performance.now() - peerStarted;
    try {
      const setups = [
        httpSetup("ours-neo4j", ours.url, ours.pid, "ours"),
        httpSetup("ours-replica", replica.url, replica.pid, "ours"),
        httpSetup("ours-memory", memory.url, memory.pid, "ours"),
        httpSetup("peer", peer.url, peer.pid, "peer"),
        rawSetup(driver),
      ];
      console.error("checking that every setup gives the same answers");
      const answers = await checkAnswers(setups, args);
      for (const line of renderAnswerCheck(answers)) console.error(line);
      const run: BenchRun = {
        date: new Date().toISOString(),
        machine: machineDescription(),
        loadAverage: loadavg()[0] ?? 0,
        quick,
        ...settings,
        startupMs: { "ours-neo4j": ours.startupMs, "ours-replica": replica.startupMs, "ours-memory": memory.startupMs, peer: peerStartupMs },
        answers,
        measurements: [],
      };
      const neo4jPid = private4j?.pid ?? (process.env["BENCH_NEO4J_PID"] ? Number(process.env["BENCH_NEO4J_PID"]) : null);
      run.measurements = await runRounds(setups, args, { ...settings, neo4jPid, log: (line) => console.error(line) });
      const section = renderResults(run);
      console.log(section);
      const errors = run.measurements.reduce((sum, m) => sum + m.errors, 0);
      if (quick) {
        // The smoke run checks that the benchmark works and the answers agree; it asserts no speed and records nothing.
        if (answers.differences.length > 0 || errors > 0) {
          console.error(`bench smoke run FAILED: ${answers.differences.length} answer differences, ${errors} request errors`);
          process.exitCode = 1;
        } else {
          console.error("bench smoke run passed: every setup answered, and the answers agree");
        }
      } else {
        await recordResults(section, run.date, run);
      }
    } finally {
      await Promise.all([ours.stop(), replica.stop(), memory.stop(), peer.stop()]);
    }
  } finally {
    await driver.close();
    if (private4j !== null) await private4j.stop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

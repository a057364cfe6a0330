import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { ensureNeo4jBuilt, findFreePort, javaAndMavenAvailable, startNeo4j, type RunningNeo4j } from "../../tools/neo4j/neo4j-server.js";
import { startTestServer } from "../support/api-server.js";
import { loadCuratedGraph } from "../support/neo4j-test-env.js";
import { errorCodes } from "../support/worst-case-query.js";

/**
 * A real outage: a private Neo4j is killed (SIGKILL) under load and started again on the same port and
 * data directory, while the API keeps running. The API must answer with coded failures (never NOT_FOUND
 * or an internal error), fail fast once its breaker is open, and recover by itself.
 */

interface Sample {
  readonly query: string;
  readonly sentAt: number;
  readonly ms: number;
  readonly status: number;
  readonly codes: string[];
  readonly ok: boolean;
}

/** The first two have non-null roots, so an outage leaves no data and answers 503; `concept` is nullable. */
const QUERIES = [
  `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { paths { hops } } }`,
  `{ search(text: "spasm") { concept { id } } }`,
  `{ concept(id: "back-muscle-spasm") { id name } }`,
];

async function ask(url: string, query: string): Promise<Sample> {
  const sentAt = performance.now();
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  const codes = errorCodes(body);
  return { query, sentAt, ms: performance.now() - sentAt, status: response.status, codes, ok: codes.length === 0 && body.data !== null };
}

describe.skipIf(!javaAndMavenAvailable())("Neo4j outage and recovery without restarting the API", () => {
  let neo4j: RunningNeo4j | null = null;
  let api: RunningServer | null = null;
  let dataDir = "";
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
    if (dataDir !== "") await rm(dataDir, { recursive: true, force: true });
  });

  it("fails within a second of the kill with SERVICE_UNAVAILABLE, fails fast while Neo4j is down, and recovers within 5 s of its return", async () => {
    await ensureNeo4jBuilt();
    dataDir = await mkdtemp(path.join(tmpdir(), "kg-fault-neo4j-"));
    const port = await findFreePort();
    const start = () => startNeo4j({ port, dataDir, heap: "512m", pageCache: "64m", startupTimeoutMs: 300_000, log: () => {} });
    neo4j = await start();
    // The production defaults (pool, connect and retry times), only pointed at the private server.
    const config = loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password });
    if (config.neo4j === null) throw new Error("no Neo4j configuration");
    // A fresh JVM on a busy machine is slow at first: seed with a patient executor of its own.
    const seeder = Neo4jExecutor.create({ ...config.neo4j, queryTimeoutMs: 120_000 });
    await loadCuratedGraph(seeder).finally(() => seeder.close());
    const executor = Neo4jExecutor.create(config.neo4j);
    api = await startTestServer(new Neo4jKnowledgeStore(executor), { requestLimits: config.requests });
    const url = api.url;

    const samples: Sample[] = [];
    let running = true;
    const client = async (offset: number): Promise<void> => {
      for (let i = offset; running; i++) {
        samples.push(await ask(url, QUERIES[i % QUERIES.length] ?? ""));
        await sleep(50);
      }
    };
    const load = Promise.all([0, 1, 2].map(client));
    let killedAt = 0;
    let restartAt = 0;
    let upAt = 0;
    try {
      // Warm up until every client has had answers (a fresh JVM on a busy machine is slow at first).
      const warmUntil = performance.now() + 60_000;
      while (samples.filter((s) => s.ok).length < 6 && performance.now() < warmUntil) await sleep(100);
      expect(samples.filter((s) => s.ok).length).toBeGreaterThanOrEqual(6);

      killedAt = performance.now();
      process.kill(neo4j.pid, "SIGKILL");
      neo4j = null;
      await sleep(8000);
      restartAt = performance.now();
      neo4j = await start();
      upAt = performance.now();
      // Wait for the first success after Neo4j is back (bounded), then a little more traffic.
      while (performance.now() - upAt < 15_000 && !samples.some((s) => s.sentAt >= upAt && s.ok)) await sleep(50);
      await sleep(1000);
    } finally {
      running = false;
      await load;
    }

    const down = samples.filter((s) => s.sentAt >= killedAt && !s.ok);
    const downCodes = [...new Set(down.flatMap((s) => s.codes))];
    // The breaker is open from the first failure answered within a second; every failure after it is that fast.
    const firstFast = down.find((s) => s.ms < 1000);
    const openWindow = samples.filter((s) => s.sentAt >= (firstFast?.sentAt ?? Infinity) && s.sentAt < restartAt);
    const slowest = Math.max(...openWindow.map((s) => s.ms));
    // Requests caught in flight by the kill, or sent while Neo4j is down or restarting, must not wait out
    // the driver's retries either: each fails within a second, or within two of the kill.
    const lateFailures = down.filter((s) => s.sentAt < upAt && s.ms >= 1000 && s.sentAt + s.ms - killedAt >= 2000);
    const firstSuccess = samples.find((s) => s.sentAt >= upAt && s.ok);
    const recoveryMs = (firstSuccess?.sentAt ?? Infinity) + (firstSuccess?.ms ?? 0) - upAt;
    const comingBack = samples
      .filter((s) => s.sentAt >= upAt - 2000 && s.sentAt <= (firstSuccess?.sentAt ?? Infinity))
      .map((s) => `${Math.round(s.sentAt - upAt)}:${s.ok ? "ok" : s.codes.join("+")}:${Math.round(s.ms)}ms`);
    console.log(`fault test: requests around the restart (sent relative to Neo4j ready): ${comingBack.join(" ")}`);
    const afterRecovery = samples.filter((s) => s.sentAt > (firstSuccess?.sentAt ?? Infinity) + 500);
    console.log(
      `fault test: ${down.length} failures, codes ${downCodes.join(",")}; breaker open ${Math.round((firstFast?.sentAt ?? 0) - killedAt)} ms after the kill; ` +
        `slowest failure while open ${Math.round(slowest)} ms over ${openWindow.length} requests; ` +
        `recovered ${Math.round(recoveryMs)} ms after Neo4j answered again (restart took ${Math.round(upAt - restartAt)} ms)`,
    );

    expect(down.length).toBeGreaterThan(0);
    expect(downCodes).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(down.filter((s) => s.query !== QUERIES[2]).every((s) => s.status === 503)).toBe(true);
    expect(firstFast).toBeDefined();
    expect(openWindow.length).toBeGreaterThan(5);
    expect(openWindow.every((s) => !s.ok)).toBe(true);
    expect(slowest).toBeLessThan(1000);
    expect(lateFailures.map((s) => `${Math.round(s.sentAt - killedAt)}+${Math.round(s.ms)}ms`)).toEqual([]);
    expect(firstSuccess).toBeDefined();
    expect(recoveryMs).toBeLessThan(5000);
    expect(afterRecovery.every((s) => s.ok)).toBe(true);
  }, 900_000);
});

import { afterEach, describe, expect, it } from "vitest";
import { unguardedApiSettings } from "../support/api-server.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";
import { errorCodes, postQuery, worstCaseQuery } from "../support/worst-case-query.js";

const UNGUARDED = unguardedApiSettings();

describe.skipIf(noNeo4j)("request deadline and fair use of the Neo4j pool", () => {
  let api: SeededApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("stops a request past its deadline with TIMEOUT and HTTP 503, its transactions cut short", async () => {
    api = await startSeededNeo4jApi({ requestLimits: { timeoutMs: 100, maxConcurrentReads: 4 }, settings: UNGUARDED });
    const started = performance.now();
    const { status, retryAfter, body } = await postQuery(api.url, worstCaseQuery(5));
    const took = performance.now() - started;
    expect(body.data).toBeNull();
    expect(errorCodes(body)).toEqual(["TIMEOUT"]);
    expect(status).toBe(503);
    expect(retryAfter).toBe("1");
    expect(took).toBeLessThan(3000);
  });

  it("keeps one request with 200 aliased searches from starving another of the pool", async () => {
    api = await startSeededNeo4jApi({
      neo4j: { maxPoolSize: 5, connectTimeoutMs: 2000 },
      requestLimits: { timeoutMs: 30_000, maxConcurrentReads: 2 },
      settings: UNGUARDED,
    });
    const searches = Array.from({ length: 200 }, (_, i) => `s${i}: search(text: "spasm ${i}") { concept { id } }`).join("\n");
    const attack = postQuery(api.url, `{ ${searches} }`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const innocent = await postQuery(api.url, `{ concept(id: "back-muscle-spasm") { id name } }`);
    const innocentMs = performance.now() - started;
    const attacker = await attack;
    expect(innocent.status).toBe(200);
    expect(innocent.body.errors).toBeUndefined();
    expect(innocent.body.data.concept.id).toBe("back-muscle-spasm");
    expect(innocentMs).toBeLessThan(3000);
    expect(errorCodes(attacker.body).filter((c) => c !== "TIMEOUT" && c !== "SERVICE_UNAVAILABLE")).toEqual([]);
    expect(Object.keys(attacker.body.data ?? {})).toHaveLength(200);
  });
});

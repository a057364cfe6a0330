import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";
import { startTestServer } from "../support/api-server.js";
import { errorCodes, postQuery } from "../support/worst-case-query.js";

/** The API over a Bolt address where nothing listens: an outage from the first request on. */
describe("API over an unreachable Neo4j", () => {
  let api: RunningServer;
  beforeAll(async () => {
    const port = await findFreePort();
    const executor = Neo4jExecutor.create({
      uri: `bolt://127.0.0.1:${port}`,
      user: "neo4j",
      password: "unused-password",
      database: "neo4j",
      queryTimeoutMs: 5000,
      maxPoolSize: 10,
      connectTimeoutMs: 2000,
      maxRetryMs: 1000,
    });
    api = await startTestServer(new Neo4jKnowledgeStore(executor));
  });
  afterAll(async () => api?.close());

  it("reports an outage as SERVICE_UNAVAILABLE with HTTP 503, never as NOT_FOUND, for path questions", async () => {
    for (const query of [
      `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { truncated } }`,
      `{ shortestPath(from: "sports-back-injury", to: "back-muscle-spasm") { hops } }`,
    ]) {
      const { body } = await postQuery(api.url, query);
      expect(errorCodes(body), query).toEqual(["SERVICE_UNAVAILABLE"]);
    }
    const { status, retryAfter } = await postQuery(api.url, `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { truncated } }`);
    expect(status).toBe(503);
    expect(retryAfter).toBe("1");
  });

  it("fails fast once consecutive failures have opened the breaker", async () => {
    for (let i = 0; i < 3; i++) await postQuery(api.url, `{ search(text: "spasm") { score } }`);
    const started = performance.now();
    const { body } = await postQuery(api.url, `{ search(text: "spasm") { score } }`);
    const took = performance.now() - started;
    expect(errorCodes(body)).toEqual(["SERVICE_UNAVAILABLE"]);
    // Without the breaker every request waits out the driver's retries (1 s here).
    expect(took).toBeLessThan(500);
  });
});

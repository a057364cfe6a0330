import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer } from "../support/api-server.js";
import { gql } from "../support/graphql-client.js";
import { noNeo4j, testNeo4jConfig } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j)("HTTP endpoints", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => api?.close());

  it("reports liveness on /health and Neo4j reachability on /ready", async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", backend: "neo4j" });
  });

  it("serves the GraphiQL playground to browsers on GET /graphql, compressed and cacheable", async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html", "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("etag")).toMatch(/^".+"$/);
    const html = await response.text();
    expect(html).toContain("Back spasm knowledge graph");
    expect(html).toContain("causalPathways(from: \\\"sports-back-injury\\\"");
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    const revalidated = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html", "if-none-match": response.headers.get("etag") ?? "" } });
    expect(revalidated.status).toBe(304);
  });

  it("still answers GraphQL over GET for clients that ask for JSON", async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ graphStats { concepts } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    const body = await response.json();
    expect(body.data).toEqual({ graphStats: { concepts: 46 } });
    expect(body.extensions.cost.requested).toBe(1);
  });

  it("echoes a caller's request id, and makes one up otherwise", async () => {
    const given = await fetch(`${api.url}/health`, { headers: { "x-request-id": "trace-123" } });
    expect(given.headers.get("x-request-id")).toBe("trace-123");
    const made = await fetch(`${api.url}/health`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.skipIf(noNeo4j)("when Neo4j cannot serve the request", () => {
  it("answers SERVICE_UNAVAILABLE and a 503 /ready when the database is down", async () => {
    const config = { ...testNeo4jConfig(), uri: "bolt://127.0.0.1:1", connectTimeoutMs: 1000, maxRetryMs: 200 };
    const server = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(config)));
    try {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", backend: "neo4j" });
      const result = await gql(server.url, `{ concept(id: "back-pain") { id } }`);
      expect(result.errors?.[0]?.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
      expect(JSON.stringify(result)).not.toMatch(/bolt|ECONNREFUSED|stack/i);
    } finally {
      await server.close();
    }
  });

  it("hides driver messages behind INTERNAL_SERVER_ERROR when Neo4j refuses the credentials", async () => {
    const config = { ...testNeo4jConfig(), password: "wrong-password-123" };
    const server = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(config)));
    try {
      const result = await gql(server.url, `{ concept(id: "back-pain") { id } }`);
      expect(result.errors).toEqual([{ message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["concept"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    } finally {
      await server.close();
    }
  });
});

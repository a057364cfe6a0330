import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import { startTestServer, testApiSettings } from "../support/api-server.js";
import { curationTokens } from "../support/curation-client.js";
import { gqlData } from "../support/graphql-client.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

describe("curation on the in-process backend", () => {
  let server: RunningServer;
  const tokens = curationTokens();
  beforeAll(async () => {
    server = await startTestServer(InMemoryKnowledgeStore.fromGraph(await curatedGraph()), { settings: testApiSettings({ CURATION_TOKENS: tokens.env }) });
  });
  afterAll(async () => server?.close());

  const post = (body: unknown, token?: string) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  it("refuses every mutation, even a curator's, with CURATION_REQUIRES_NEO4J as a client error, and the graph stays as it was", async () => {
    const before = await gqlData<any>(server.url, "{ graphVersion graphStats { concepts relations evidence } }");
    const mutations = [
      `createConcept(input: { id: "x-y", kind: SYMPTOM, name: "X", summary: "Y", mentions: [] }) { graphVersion }`,
      `updateConcept(input: { id: "back-muscle-spasm", expectedVersion: 1, name: "Renamed" }) { graphVersion }`,
      `addRelation(input: { id: "x-y", type: CAUSES, from: "a", to: "b", evidence: [] }) { graphVersion }`,
      `addEvidence(input: { relationId: "x", expectedVersion: 1, evidence: { locator: { source: "s", section: "s", start: 0, end: 1 }, claim: "c", knowledgeLevel: KNOWLEDGE_ASSERTION, agentType: MANUAL_AGENT } }) { graphVersion }`,
      `retractRelation(id: "x", reason: "r", expectedVersion: 1) { graphVersion }`,
      `retractEvidence(id: "x#1", reason: "r", expectedVersion: 1) { graphVersion }`,
    ];
    for (const token of [tokens.curator, undefined]) {
      for (const m of mutations) {
        const response = await post({ query: `mutation { ${m} }` }, token);
        expect(response.status).toBe(200);
        const body = (await response.json()) as any;
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0].extensions.code).toBe("CURATION_REQUIRES_NEO4J");
        expect(body.errors[0].message).toContain("Neo4j");
      }
    }
    expect(await gqlData<any>(server.url, "{ graphVersion graphStats { concepts relations evidence } }")).toEqual(before);
  });

  it("keys the rate limit by the token's principal, and by address without a valid token", async () => {
    const { clientKeyFor } = await import("../../src/http/client-key.js");
    const { authenticate } = await import("../../src/http/caller.js");
    const { TokenRegistry } = await import("../../src/auth/token-registry.js");
    const registry = new TokenRegistry(JSON.parse(tokens.env));
    const request = (authorization?: string) => {
      const req = { headers: authorization === undefined ? {} : { authorization }, ip: "10.0.0.7", socket: {} } as any;
      authenticate(registry)(req, {} as any, () => {});
      return clientKeyFor(req);
    };
    expect(request(`Bearer ${tokens.curator}`)).toBe("principal:cora-curator");
    expect(request("Bearer wrong")).toBe("ip:10.0.0.7");
    expect(request()).toBe("ip:10.0.0.7");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { graphStampQuery } from "../../src/neo4j/cypher/graph-stamp.cypher.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { loadGraph } from "../../src/neo4j/seed-loader.js";
import { validateSeed } from "../../src/domain/seed-validator.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { syntheticSeedInput } from "../../src/generate/seed-input.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { startTestServer, testApiSettings } from "../support/api-server.js";
import { curationTokens, gqlAs } from "../support/curation-client.js";
import { gql, gqlData } from "../support/graphql-client.js";
import { curatedGraph, loadCuratedGraph, noNeo4j, testNeo4jConfig } from "../support/neo4j-test-env.js";
import type { Neo4jBackend } from "../../src/neo4j-backend.js";
import { startSeededReplicaApi, TEST_REPLICA, type SeededApi } from "../support/seeded-api.js";

/** The benchmark mix (bench/query-mix.ts), as the API is asked it. */
const MIX = [
  `{ concept(id: "back-muscle-spasm") { id kind name synonyms summary biolinkCategory xrefs { curie url match } } }`,
  `{ concept(id: "back-muscle-spasm") { id name ... on Condition { symptoms { id name ... on Symptom { aggravatedBy { id name } relievedBy { id name } } }
      treatments { treatment { id name } actsOn { target { id name } relation { type } } } causes { id name } } } }`,
  `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { paths { hops nodes { id name } relations { id type evidence { claim locator { start end } } } } } }`,
  `{ neighborhood(id: "back-muscle-spasm", depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
  `{ search(text: "muscle relaxnt", first: 10) { score concept { id name kind } } }`,
];

const CREATE = `mutation($input: CreateConceptInput!) { createConcept(input: $input) { concept { id } graphVersion } }`;

/** Polls `probe` every 20 ms until it is true; answers how long that took, or fails after `withinMs`. */
async function waitUntil(probe: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    if (await probe()) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not seen within ${withinMs} ms`);
}

describe.skipIf(noNeo4j)("the read replica over a real Neo4j", () => {
  let replica: SeededApi;
  const statements: string[] = [];
  const stampCypher = graphStampQuery().cypher;
  const readsSent = () => statements.filter((cypher) => cypher !== stampCypher);

  beforeAll(async () => {
    replica = await startSeededReplicaApi();
    replica.executor.onQuery((event) => statements.push(event.cypher));
  });
  afterAll(async () => {
    await replica?.close();
    const executor = Neo4jExecutor.create(testNeo4jConfig());
    await loadCuratedGraph(executor).finally(() => executor.close());
  });

  it("answers the benchmark mix from its snapshot, sending Neo4j nothing but stamp checks", async () => {
    statements.length = 0;
    for (const query of MIX) expect((await gql(replica.url, query)).errors).toBeUndefined();
    expect(readsSent()).toEqual([]);
  });

  it("shows a concept written through another API process within a few polls, and graphVersion with it", async () => {
    const tokens = curationTokens();
    const other: RunningServer = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(testNeo4jConfig())), { settings: testApiSettings({ CURATION_TOKENS: tokens.env }) });
    try {
      const seed = await gqlData<any>(replica.url, `{ concept(id: "back-muscle-spasm") { mentions { start end section { id } source { id } } } }`);
      const m = seed.concept.mentions[0];
      const input = { id: "replica-test-twinge", kind: "SYMPTOM", name: "Replica test twinge", summary: "A made-up discomfort that only the replica test uses.", mentions: [{ source: m.source.id, section: m.section.id, start: m.start, end: m.end }] };
      expect((await gql<any>(replica.url, `{ concept(id: "replica-test-twinge") { id } }`)).data?.concept ?? null).toBeNull();
      const written = await gqlAs<any>(other.url, { token: tokens.curator }, CREATE, { input });
      expect(written.errors).toBeUndefined();
      const ms = await waitUntil(async () => (await gql<any>(replica.url, `{ concept(id: "replica-test-twinge") { id } }`)).data?.concept?.id === "replica-test-twinge", 5000);
      expect(ms).toBeLessThan(5000);
      expect((await gqlData<any>(replica.url, "{ graphVersion }")).graphVersion).toBe(written.data.createConcept.graphVersion);
    } finally {
      await other.close();
    }
  });

  it("keeps serving the whole old graph while a batched load swaps, then serves the new one", async () => {
    const executor = Neo4jExecutor.create(testNeo4jConfig());
    const backend = (replica as SeededApi & { backend: Neo4jBackend }).backend;
    const total = async () => (await gqlData<any>(replica.url, "{ concepts(first: 1) { totalCount } }")).concepts.totalCount;
    try {
      const curated = await total();
      const validated = validateSeed(syntheticSeedInput(generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 80, seed: 11 })));
      if (!validated.ok) throw new Error("generated seed is invalid");
      const seen: number[] = [];
      await loadGraph(executor, validated.graph, {
        reset: true,
        batched: true,
        swapBatch: 5,
        duringSwap: async (done) => {
          // Mid-swap the stored graph is half old, half new; a refresh now must not copy it.
          await backend.replica?.refresh();
          seen.push(await total());
          void done;
        },
      });
      expect(new Set(seen)).toEqual(new Set([curated]));
      await waitUntil(async () => (await total()) === validated.graph.concepts.length, 5000);
    } finally {
      await loadCuratedGraph(executor);
      await executor.close();
    }
  });

  it("picks up a seed load, which changes the graph without changing its version", async () => {
    const executor = Neo4jExecutor.create(testNeo4jConfig());
    try {
      const validated = validateSeed(syntheticSeedInput(generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 60, seed: 7 })));
      if (!validated.ok) throw new Error("generated seed is invalid");
      await loadGraph(executor, validated.graph, { reset: true });
      const total = async () => (await gqlData<any>(replica.url, "{ concepts(first: 1) { totalCount } }")).concepts.totalCount;
      await waitUntil(async () => (await total()) === validated.graph.concepts.length, 5000);
      expect((await gqlData<any>(replica.url, "{ graphVersion }")).graphVersion).toBe(0);
    } finally {
      await loadCuratedGraph(executor);
      await executor.close();
    }
  });
});

describe.skipIf(noNeo4j)("the read replica over a graph larger than READ_REPLICA_MAX_CONCEPTS", () => {
  let replica: SeededApi;
  const statements: string[] = [];
  beforeAll(async () => {
    replica = await startSeededReplicaApi({ replica: { ...TEST_REPLICA, maxConcepts: 10 } });
    replica.executor.onQuery((event) => statements.push(event.cypher));
  });
  afterAll(async () => replica?.close());

  it("leaves every read to Neo4j, with the same answers", async () => {
    statements.length = 0;
    const answer = await gqlData<any>(replica.url, MIX[0]!);
    expect(answer.concept.id).toBe("back-muscle-spasm");
    expect(statements.filter((cypher) => cypher !== graphStampQuery().cypher).length).toBeGreaterThanOrEqual(1);
  });
});

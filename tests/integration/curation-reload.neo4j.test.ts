import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import { readLiveGraph } from "../../src/neo4j/live-graph.reader.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { exportSeed } from "../../src/seed/seed-export.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { startTestServer, testApiSettings } from "../support/api-server.js";
import { curationTokens, gqlAs } from "../support/curation-client.js";
import { gqlData } from "../support/graphql-client.js";
import { SEED_DIR, SOURCE_TEXT_DIR, loadCuratedGraph, noNeo4j, testNeo4jConfig } from "../support/neo4j-test-env.js";

/**
 * The path a curated write takes to the other backend: written through the API into Neo4j, exported back
 * into the seed format (`npm run seed -- --export`), and loaded by memory mode, which then answers the same.
 */
describe.skipIf(noNeo4j)("a curated write reaches memory mode through a seed export", () => {
  let executor: Neo4jExecutor;
  let neo4jApi: RunningServer;
  let memoryApi: RunningServer | null = null;
  let work = "";
  const tokens = curationTokens();

  beforeAll(async () => {
    executor = Neo4jExecutor.create(testNeo4jConfig());
    await loadCuratedGraph(executor);
    neo4jApi = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(testNeo4jConfig())), { settings: testApiSettings({ CURATION_TOKENS: tokens.env }) });
    work = await mkdtemp(path.join(tmpdir(), "kg-curation-reload-"));
  });
  afterAll(async () => {
    await memoryApi?.close();
    await neo4jApi?.close();
    await loadCuratedGraph(executor);
    await executor?.close();
    if (work !== "") await rm(work, { recursive: true, force: true });
  });

  it("answers a relation added through the API identically in both backends after the export is loaded", async () => {
    const seeded = await gqlData<any>(
      neo4jApi.url,
      `{ concept(id: "back-muscle-spasm") { relations(first: 1, direction: INCOMING) { nodes { type from { id } to { id } evidence { locator { start end section { id } source { id } } } } } } }`,
    );
    const template = seeded.concept.relations.nodes[0];
    const l = template.evidence[0].locator;
    const relationId = "reload-test-relation";
    const added = await gqlAs<any>(neo4jApi.url, { token: tokens.curator }, `mutation($input: AddRelationInput!) { addRelation(input: $input) { graphVersion } }`, {
      input: {
        id: relationId,
        type: template.type,
        from: template.from.id,
        to: template.to.id,
        qualifiers: { appliesWhen: "only in the reload test" },
        evidence: [
          {
            locator: { source: l.source.id, section: l.section.id, start: l.start, end: l.end },
            claim: "A claim the reload test adds to carry its relation.",
            reasoning: "Written by the reload test only.",
            knowledgeLevel: "LOGICAL_ENTAILMENT",
            agentType: "MANUAL_AGENT",
          },
        ],
      },
    });
    expect(added.errors, JSON.stringify(added.errors)).toBeUndefined();

    const query = `{ relation(id: "${relationId}") { id type from { id name } to { id name } qualifiers { appliesWhen } evidence { claim reasoning knowledgeLevel locator { start end quote } } } }`;
    const inNeo4j = await gqlData<any>(neo4jApi.url, query);
    expect(inNeo4j.relation?.id).toBe(relationId);

    const out = path.join(work, "seed");
    const exported = await exportSeed(await readLiveGraph(executor), { outDir: out, force: false, baseDir: SEED_DIR, sourceTextDir: SOURCE_TEXT_DIR });
    expect(exported.ok).toBe(true);
    const reloaded = await readValidatedSeed(out, SOURCE_TEXT_DIR);
    if (!reloaded.ok) throw new Error(`the export does not re-seed: ${JSON.stringify(reloaded.issues)}`);
    memoryApi = await startTestServer(InMemoryKnowledgeStore.fromGraph(reloaded.graph));
    expect(JSON.stringify(await gqlData<any>(memoryApi.url, query))).toBe(JSON.stringify(inNeo4j));
  });
});

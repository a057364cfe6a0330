import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { validateSeed } from "../../src/domain/seed-validator.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { syntheticSeedInput } from "../../src/generate/seed-input.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { resetGraphQuery } from "../../src/neo4j/cypher/seed-load.cypher.js";
import { retiredNodeCountQuery, retireLiveGraphQueries, stagedLoadPlan, stagedNodeCountQuery, type LoadStep } from "../../src/neo4j/cypher/staged-load.cypher.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { loadGraph, readGraphCounts } from "../../src/neo4j/seed-loader.js";
import { StagedLoadError, removeStagedNodes } from "../../src/neo4j/staged-loader.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { curatedGraph, loadCuratedGraph, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

/** A generated graph, validated as `generate --load` does. */
async function generatedGraph(concepts: number, seed: number): Promise<KnowledgeGraph> {
  const validated = validateSeed(syntheticSeedInput(generateSyntheticSeed(measureShape(await curatedGraph()), { concepts, seed })));
  if (!validated.ok) throw new Error(`generated seed is invalid: ${JSON.stringify(validated.issues.slice(0, 3))}`);
  return validated.graph;
}

/** The plan with a statement that fails at run time (division by zero) after `after` real steps. */
function failingAfter(after: number): (plan: Iterable<LoadStep>) => Iterable<LoadStep> {
  return function* (plan) {
    let n = 0;
    for (const step of plan) {
      if (n++ === after) yield { what: "an injected failing batch", query: { cypher: "UNWIND [0] AS zero RETURN 1 / zero AS boom", params: {} } };
      yield step;
    }
  };
}

async function stagedNodes(executor: Neo4jExecutor): Promise<number> {
  const [row] = await executor.read(stagedNodeCountQuery());
  return Number(row?.["n"] ?? -1);
}

async function retiredNodes(executor: Neo4jExecutor): Promise<number> {
  const [row] = await executor.read(retiredNodeCountQuery());
  return Number(row?.["n"] ?? -1);
}

describe.skipIf(noNeo4j)("staged batched load against a real Neo4j", () => {
  let executor: Neo4jExecutor;
  let generated: KnowledgeGraph;

  beforeAll(async () => {
    executor = testExecutor();
    generated = await generatedGraph(400, 3);
    await loadCuratedGraph(executor);
  });

  afterAll(async () => {
    await loadCuratedGraph(executor);
    await executor.close();
  });

  it("leaves the stored graph exactly as it was when a batch fails part way, and removes what it staged", async () => {
    const before = await graphFingerprint(executor);
    const steps = [...stagedLoadPlan(generated, 50)].length;
    const load = loadGraph(executor, generated, { reset: true, batched: true, batchSize: 50, alterPlan: failingAfter(Math.floor(steps / 2)) });
    await expect(load).rejects.toThrow(StagedLoadError);
    await expect(load).rejects.toThrow(/failed at an injected failing batch .*stored graph is unchanged/);
    expect(await stagedNodes(executor)).toBe(0);
    expect(await graphFingerprint(executor)).toEqual(before);
  });

  it("stores the same nodes, relationships and properties as the one-transaction MERGE load", async () => {
    await loadGraph(executor, generated, { reset: true, batched: false });
    const merged = await graphFingerprint(executor);
    const report = await loadGraph(executor, generated, { reset: true, batched: true, batchSize: 37 });
    expect(report.batched?.steps).toBeGreaterThan(10);
    expect(await graphFingerprint(executor)).toEqual(merged);
    expect(report.counts.concepts).toBe(generated.concepts.length);
    expect(report.counts.relations).toBe(generated.relations.length);
    expect(report.conceptsNotInSeed).toBe(0);
  });

  it("writes relation ids at once into an empty database and stores the same graph as over a live one", async () => {
    await loadGraph(executor, generated, { reset: true, batched: false });
    const merged = await graphFingerprint(executor);
    await executor.writeAll([resetGraphQuery()]);
    const report = await loadGraph(executor, generated, { reset: false, batched: true, batchSize: 53, swapBatch: 17 });
    expect(report.batched?.cleanupMs).toBeGreaterThanOrEqual(0);
    expect(await graphFingerprint(executor)).toEqual(merged);
  });

  it("replaces a stored graph in swap transactions of the given size, leaving nothing retired or staged", async () => {
    await loadGraph(executor, generated, { reset: true, batched: false });
    const expected = await graphFingerprint(executor);
    await loadCuratedGraph(executor);
    const curatedIds = (await executor.read({ cypher: "MATCH (c:Concept) RETURN c.id AS id", params: {} })).map((r) => r["id"]);
    const seen: number[] = [];
    await loadGraph(executor, generated, {
      reset: true,
      batched: true,
      swapBatch: 7,
      duringSwap: async (done) => {
        // Before the swap's first statement, readers still see the whole curated graph and none of the new one.
        if (done === 0) seen.push((await readGraphCounts(executor)).concepts);
      },
    });
    expect(seen).toEqual([curatedIds.length]);
    expect(await retiredNodes(executor)).toBe(0);
    expect(await stagedNodes(executor)).toBe(0);
    expect(await graphFingerprint(executor)).toEqual(expected);
  });

  it("says the graph may be partly replaced when the swap fails, and a load with reset then replaces all of it", async () => {
    await loadGraph(executor, generated, { reset: true, batched: false });
    const expected = await graphFingerprint(executor);
    await loadCuratedGraph(executor);
    const failing = loadGraph(executor, generated, {
      reset: true,
      batched: true,
      duringSwap: async (done) => {
        if (done === 3) throw new Error("injected failure in the swap");
      },
    });
    await expect(failing).rejects.toThrow(/failed during the swap \(after 3 of its \d+ statements\): injected failure in the swap\. The stored graph may be partly replaced; run the load again with --reset/);
    await loadGraph(executor, generated, { reset: true, batched: true });
    expect(await retiredNodes(executor)).toBe(0);
    expect(await stagedNodes(executor)).toBe(0);
    expect(await graphFingerprint(executor)).toEqual(expected);
  });

  it("refuses to load over a stored graph without reset, writing nothing", async () => {
    await loadCuratedGraph(executor);
    const before = await graphFingerprint(executor);
    await expect(loadGraph(executor, generated, { reset: false, batched: true })).rejects.toThrow(/run with --reset\. Nothing was written/);
    expect(await graphFingerprint(executor)).toEqual(before);
  });

  it("removes the staged and retired nodes an interrupted load left behind before it loads", async () => {
    await loadCuratedGraph(executor);
    for (const query of retireLiveGraphQueries(1000)) await executor.runInTransactions(query);
    expect(await retiredNodes(executor)).toBeGreaterThan(0);
    const plan = stagedLoadPlan(generated, 100);
    for (let i = 0; i < 4; i++) {
      const step = plan.next();
      if (step.done === true) break;
      await executor.writeAll([step.value.query]);
    }
    expect(await stagedNodes(executor)).toBeGreaterThan(0);
    const report = await loadGraph(executor, generated, { reset: true, batched: true, batchSize: 100 });
    expect(await stagedNodes(executor)).toBe(0);
    expect(await retiredNodes(executor)).toBe(0);
    const counts = await readGraphCounts(executor);
    expect(counts.concepts).toBe(generated.concepts.length);
    expect(counts.evidence).toBe(generated.relations.reduce((n, r) => n + r.evidence.length, 0));
    expect(report.counts).toEqual(counts);
  });

  it("leaves staged nodes out of what the API reads while a load is under way", async () => {
    await loadCuratedGraph(executor);
    const before = await readGraphCounts(executor);
    const plan = stagedLoadPlan(generated, 1000);
    for (let step = plan.next(); step.done !== true; step = plan.next()) await executor.writeAll([step.value.query]);
    expect(await readGraphCounts(executor)).toEqual(before);
    const [hit] = await executor.read({ cypher: "MATCH (c:Concept {id: $id}) RETURN count(c) AS n", params: { id: generated.concepts[0]?.id } });
    expect(hit?.["n"]).toBe(0);
    expect(await removeStagedNodes(executor)).toBeGreaterThan(generated.concepts.length);
    expect(await stagedNodes(executor)).toBe(0);
  });
});

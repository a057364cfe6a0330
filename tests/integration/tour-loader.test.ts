import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import type { Tour } from "../../src/domain/tour.model.js";
import { resetGraphQuery } from "../../src/neo4j/cypher/seed-load.cypher.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { loadGraph } from "../../src/neo4j/seed-loader.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { loadCuratedGraph, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

/** How many Tour and TourStep nodes the database holds. */
async function tourNodeCounts(executor: Neo4jExecutor): Promise<{ tours: number; steps: number }> {
  const [row] = await executor.read({
    cypher: "CALL () { MATCH (t:Tour) RETURN count(t) AS tours } CALL () { MATCH (s:TourStep) RETURN count(s) AS steps } RETURN tours, steps",
    params: {},
  });
  return { tours: Number(row?.["tours"]), steps: Number(row?.["steps"]) };
}

describe.skipIf(noNeo4j)("guided tours in the seed load into a real Neo4j", () => {
  let executor: Neo4jExecutor;
  let store: Neo4jKnowledgeStore;
  let graph: KnowledgeGraph;

  beforeAll(async () => {
    executor = testExecutor();
    store = new Neo4jKnowledgeStore(executor);
    graph = await loadCuratedGraph(executor);
  });

  afterAll(async () => {
    await loadGraph(executor, graph, { reset: true });
    await executor.close();
  });

  it("stores every tour and step exactly as the seed declares them, and reads them back in seed order", async () => {
    expect(graph.tours.length).toBeGreaterThanOrEqual(3);
    expect(await tourNodeCounts(executor)).toEqual({
      tours: graph.tours.length,
      steps: graph.tours.reduce((n, t) => n + t.steps.length, 0),
    });
    expect(await store.tours()).toEqual(graph.tours);
    const [second, unknown, first] = await store.toursByIds([graph.tours[1]?.id ?? "", "no-such-tour", graph.tours[0]?.id ?? ""]);
    expect([second, unknown, first]).toEqual([graph.tours[1], null, graph.tours[0]]);
  });

  it("creates and deletes nothing when the same tours are loaded again", async () => {
    const before = await graphFingerprint(executor);
    expect(before.filter((line) => line.includes('"Tour"')).length).toBe(graph.tours.length);
    const report = await loadGraph(executor, graph, { reset: false });
    expect(report.counters).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, labelsAdded: 0, labelsRemoved: 0 });
    expect(await graphFingerprint(executor)).toEqual(before);
  });

  it("follows an edited seed: dropped steps and tours disappear, changed steps are replaced, nothing else moves", async () => {
    const original = await graphFingerprint(executor);
    const [first, , third] = graph.tours as Tour[];
    if (first === undefined || third === undefined) throw new Error("the curated seed lost its tours");
    const shortened: Tour = {
      ...first,
      audience: null,
      steps: first.steps.slice(0, 2).map((s, i) => (i === 1 ? { ...s, narrative: "A rewritten narrative.", relationIds: [], focusId: null } : s)),
    };
    const edited: KnowledgeGraph = { ...graph, tours: [shortened, { ...third, position: 1 }] };

    await loadGraph(executor, edited, { reset: false });
    expect(await store.tours()).toEqual(edited.tours);
    expect(await tourNodeCounts(executor)).toEqual({ tours: 2, steps: 2 + third.steps.length });
    const conceptLines = (lines: string[]) => lines.filter((l) => !l.includes('"Tour') && !l.includes('"HAS_STEP"'));
    expect(conceptLines(await graphFingerprint(executor))).toEqual(conceptLines(original));

    await loadGraph(executor, graph, { reset: false });
    expect(await graphFingerprint(executor)).toEqual(original);
  });

  it("stores no tours for a seed without any", async () => {
    const report = await loadGraph(executor, { ...graph, tours: [] }, { reset: false });
    expect(report.counters.nodesDeleted).toBe(graph.tours.reduce((n, t) => n + 1 + t.steps.length, 0));
    expect(await tourNodeCounts(executor)).toEqual({ tours: 0, steps: 0 });
    expect(await store.tours()).toEqual([]);
    await loadGraph(executor, graph, { reset: false });
  });

  it("removes the tours with --reset and loads them again from the seed", async () => {
    const before = await graphFingerprint(executor);
    await executor.writeAll([resetGraphQuery()]);
    expect(await tourNodeCounts(executor)).toEqual({ tours: 0, steps: 0 });
    await loadGraph(executor, graph, { reset: true });
    expect(await graphFingerprint(executor)).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { checkAnswers } from "../../bench/answer-check.js";
import { overviewShape, pathsShape, searchShape } from "../../bench/answer-shapes.js";
import { benchArguments } from "../../bench/bench-arguments.js";
import type { Setup, SetupName } from "../../bench/bench-setups.js";
import { QUERY_MIX, type MixCase, type MixEntry } from "../../bench/query-mix.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SEED_DIR, SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";

async function curatedArguments() {
  const seed = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR);
  if (!seed.ok) throw new Error("curated seed does not validate");
  return { graph: seed.graph, args: benchArguments(seed.graph) };
}

/** A setup that answers from a function instead of a server (the check only compares shapes). */
function answering(name: SetupName, answer: (entry: MixEntry, request: MixCase) => unknown): Setup {
  return { name, pid: process.pid, answer: async (entry, request) => answer(entry, request), load: () => Promise.reject(new Error("not timed here")) };
}

describe("benchmark arguments", () => {
  it("are drawn from the seed graph the same way every time: all concepts, all conditions, causal pairs, typo'd search texts", async () => {
    const { graph, args } = await curatedArguments();
    expect(benchArguments(graph)).toEqual(args);
    expect([...args.conceptIds].sort()).toEqual(graph.concepts.map((c) => c.id).sort());
    expect(args.conditionIds.length).toBeGreaterThan(0);
    for (const id of args.conditionIds) expect(graph.concepts.find((c) => c.id === id)?.kind).toBe("condition");
    expect(args.pathPairs).toContainEqual({ from: "sports-back-injury", to: "back-muscle-spasm" });
    expect(args.pathPairs.every((p) => p.from !== p.to)).toBe(true);
    expect(args.searchTexts).toContain("muscle relaants");
  });
});

describe("answer shapes", () => {
  it("ignore the order of unordered lists but keep the ranked order of paths", () => {
    const a = { id: "a", name: "A" };
    const b = { id: "b", name: "B" };
    expect(overviewShape(a, [a, b], [], [b, a])).toEqual(overviewShape(a, [b, a], [], [a, b]));
    expect(searchShape([{ ...a, kind: "SYMPTOM" }, { ...b, kind: "cause" }])).toEqual(searchShape([{ ...b, kind: "CAUSE" }, { ...a, kind: "symptom" }]));
    const path = (id: string) => ({ hops: 1, nodes: [a, b], relations: [{ id, type: "CAUSES", evidence: [] }] });
    expect(pathsShape([path("r1"), path("r2")])).not.toEqual(pathsShape([path("r2"), path("r1")]));
  });
});

describe("the benchmark's answer check", () => {
  const lookup = QUERY_MIX.find((q) => q.name === "concept lookup");
  if (lookup === undefined) throw new Error("the mix lost its concept lookup");
  const answer = (request: MixCase) => ({ id: request.ours["id"], shape: "same" });

  it("passes when every setup gives the same shape for every request", async () => {
    const { args } = await curatedArguments();
    const setups = (["ours-neo4j", "ours-memory", "peer", "raw"] as const).map((name) => answering(name, (_e, r) => answer(r)));
    const check = await checkAnswers(setups, args);
    expect(check.differences).toEqual([]);
    expect(check.requests["concept lookup"]).toBe(args.conceptIds.length);
  });

  it("names the query, setup, request and the first differing field of a wrong answer, and reports errors", async () => {
    const { args } = await curatedArguments();
    const setups = [
      answering("ours-neo4j", (_e, r) => answer(r)),
      answering("peer", (e, r) => (e === lookup && r.ours["id"] === "back-muscle-spasm" ? { id: "back-muscle-spasm", shape: "other" } : answer(r))),
      answering("raw", (e, r) => (e === lookup && r.ours["id"] === "muscle-spasm" ? { error: "boom" } : answer(r))),
    ];
    const check = await checkAnswers(setups, args);
    expect(check.differences).toEqual([
      { query: "concept lookup", setup: "peer", request: '{"id":"back-muscle-spasm"}', detail: 'shape: expected "same", got "other"' },
      { query: "concept lookup", setup: "raw", request: '{"id":"muscle-spasm"}', detail: "answer: error boom" },
    ]);
    expect(check.retried.map((r) => r.setup)).toEqual(["raw", "raw"]);
  });

  it("asks again when an answer is an error once (a cold Neo4j timing out), and records the retry", async () => {
    const { args } = await curatedArguments();
    let failedOnce = false;
    const setups = [
      answering("ours-neo4j", (e, r) => {
        if (e === lookup && !failedOnce) {
          failedOnce = true;
          return { error: "HTTP 200: The graph query did not finish within 5000 ms" };
        }
        return answer(r);
      }),
      answering("peer", (_e, r) => answer(r)),
    ];
    const check = await checkAnswers(setups, args);
    expect(check.differences).toEqual([]);
    expect(check.retried).toEqual([expect.objectContaining({ query: "concept lookup", setup: "ours-neo4j", detail: expect.stringContaining("did not finish") })]);
  });
});

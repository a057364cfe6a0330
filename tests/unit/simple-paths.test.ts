import { allSimpleEdgeGroupPaths } from "graphology-simple-path";
import { describe, expect, it } from "vitest";
import { CAUSAL_RELATION_TYPES } from "../../src/domain/relation-type.js";
import { buildGraphIndex } from "../../src/memory/graph-index.js";
import { expandParallel, simpleEdgePaths } from "../../src/memory/path-search.js";
import { TypedGraphs } from "../../src/memory/typed-graphs.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SEED_DIR, SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";

const seed = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR);
if (!seed.ok) throw new Error("curated seed is invalid");
const typed = new TypedGraphs(buildGraphIndex(seed.graph));
const ids = seed.graph.concepts.map((c) => c.id);

const sorted = (paths: readonly (readonly string[])[]): string[] => paths.map((p) => p.join(">")).sort();

describe("simple path search", () => {
  it.each([
    ["directed causal", typed.get(CAUSAL_RELATION_TYPES, true), 8],
    ["undirected, every type", typed.get(null, false), 3],
  ] as const)("finds exactly graphology's simple paths for every pair of the curated graph (%s)", async (_name, graph, maxHops) => {
    for (const from of ids) {
      for (const to of ids) {
        if (from === to) continue;
        const expected = allSimpleEdgeGroupPaths(graph, from, to, { maxDepth: maxHops }).flatMap(expandParallel);
        expect(sorted(await simpleEdgePaths(graph, from, to, maxHops)), `${from} -> ${to}`).toEqual(sorted(expected));
      }
    }
  }, 60_000);
});

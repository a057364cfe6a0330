import { describe, expect, it } from "vitest";
import { validateSeed } from "../../src/domain/seed-validator.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { syntheticSeedInput } from "../../src/generate/seed-input.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

describe("seed validator on large files", () => {
  it("validates a concepts file of 200,000 entries without overflowing the call stack", async () => {
    const small = generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 10, seed: 1 });
    const model = small.concepts.find((c) => c.kind === "symptom") ?? small.concepts[0]!;
    // Far more entries than a function call takes arguments (spreading them into push() threw RangeError).
    const concepts = Array.from({ length: 200_000 }, (_, i) => ({ ...model, id: `bulk-${i}`, name: `Bulk ${i}` }));
    const outcome = validateSeed(syntheticSeedInput({ ...small, concepts, relations: [] }));
    expect(outcome.ok ? outcome.graph.concepts.length : outcome.issues.slice(0, 3)).toBe(200_000);
  }, 120_000);
});

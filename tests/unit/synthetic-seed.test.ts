import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { measureShape, type GraphShape } from "../../src/generate/graph-shape.js";
import { writeSyntheticSeed } from "../../src/generate/seed-writer.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SOURCE_TEXT_DIR, curatedGraph } from "../support/neo4j-test-env.js";

describe("synthetic seed generator", () => {
  let template: KnowledgeGraph;
  let shape: GraphShape;
  let out: string;
  beforeAll(async () => {
    template = await curatedGraph();
    shape = measureShape(template);
    out = await mkdtemp(path.join(tmpdir(), "kg-generated-"));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("writes a seed that the seed validator accepts", async () => {
    const written = await writeSyntheticSeed(generateSyntheticSeed(shape, { concepts: 600, seed: 7 }), out);
    const outcome = await readValidatedSeed(written.seedDir, written.sourceTextDir);
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
  });

  it("gives the same bytes for the same size and seed, and a different graph for another seed", async () => {
    const a = generateSyntheticSeed(shape, { concepts: 300, seed: 42 });
    const b = generateSyntheticSeed(shape, { concepts: 300, seed: 42 });
    const c = generateSyntheticSeed(shape, { concepts: 300, seed: 43 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c.relations)).not.toBe(JSON.stringify(a.relations));
  });

  it("keeps the curated graph's kind mix and relations per concept", () => {
    const n = 5000;
    const generated = generateSyntheticSeed(shape, { concepts: n, seed: 1 });
    expect(Math.abs(generated.concepts.length - n)).toBeLessThanOrEqual(shape.kindShares.length);
    for (const [kind, share] of shape.kindShares) {
      const got = generated.concepts.filter((c) => c.kind === kind).length / generated.concepts.length;
      expect(Math.abs(got - share)).toBeLessThan(0.01);
    }
    const templateRatio = template.relations.length / template.concepts.length;
    expect(generated.relations.length / generated.concepts.length).toBeGreaterThan(templateRatio * 0.9);
    expect(generated.relations.length / generated.concepts.length).toBeLessThan(templateRatio * 1.1);
  });

  it("grows hubs: the busiest concept has many times the median degree", () => {
    const generated = generateSyntheticSeed(shape, { concepts: 5000, seed: 3 });
    const degree = new Map<string, number>();
    for (const r of generated.relations) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted.at(-1)).toBeGreaterThan(median * 10);
  });

  it("reuses only the template's verified identifiers and never invents one", () => {
    const known = new Set(shape.xrefPool.map((x) => x.curie));
    const generated = generateSyntheticSeed(shape, { concepts: 2000, seed: 5 });
    const used = generated.concepts.flatMap((c) => c.xrefs.map((x) => x.curie));
    expect(used.length).toBeGreaterThan(0);
    for (const curie of used) expect(known.has(curie)).toBe(true);
  });

  it("never repeats the article: its source text is filler of its own", async () => {
    const article = await readFile(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");
    const generated = generateSyntheticSeed(shape, { concepts: 100, seed: 1 });
    const articleWords = new Set(article.toLowerCase().match(/[a-z]+/g));
    const fillerWords = new Set(generated.sourceText.toLowerCase().match(/[a-z]+/g));
    const shared = [...fillerWords].filter((w) => articleWords.has(w));
    // Only structural words ("part", "line", and a few Latin filler words the article may share) overlap.
    expect(shared.length).toBeLessThan(6);
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCE_TEXT_DIR, curatedGraph } from "../support/neo4j-test-env.js";

/** Sentence spans of a text: runs ending in . ! or ?, or a whole line without one (headings, captions). */
function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    for (const m of line[0].matchAll(/[^.!?]+[.!?]?/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = (line.index ?? 0) + (m.index ?? 0) + lead;
      const end = (line.index ?? 0) + (m.index ?? 0) + m[0].trimEnd().length;
      if (end > start) out.push({ start, end, text: text.slice(start, end) });
    }
  }
  return out;
}

describe("coverage of the source article", () => {
  it("models every sentence of the article that makes a claim, as evidence of some relation", async () => {
    const text = await readFile(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");
    const graph = await curatedGraph();
    const source = graph.sources.find((s) => s.id === "back-spasm-article");
    const headings = new Set((source?.sections ?? []).filter((s) => s.heading !== null).map((s) => s.start));
    const spans = graph.relations.flatMap((r) => r.evidence.map((e) => e.locator));
    const claims = sentences(text).filter((s) => !headings.has(s.start) && !s.text.startsWith("Back anatomy; public domain image"));
    expect(claims.length).toBe(25);
    const uncovered = claims.filter((s) => !spans.some((l) => l.start <= s.start && l.end >= s.end));
    expect(uncovered.map((s) => s.text)).toEqual([]);
  });

  it("attributes the article's two citations to the sources it names", async () => {
    const graph = await curatedGraph();
    const cited = new Set(graph.relations.flatMap((r) => r.evidence.map((e) => e.citedSourceId)).filter((id) => id !== null));
    expect([...cited].sort()).toEqual(["cedars-sinai", "sports-injury-bulletin"]);
  });
});

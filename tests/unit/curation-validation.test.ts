import { describe, expect, it } from "vitest";
import { checkCuration, type CurationReference } from "../../src/domain/curation-check.js";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { conceptEntry, relationEntry } from "../../src/domain/seed-entries.js";
import { readSeedFiles } from "../../src/seed/seed-files.reader.js";
import { inputProblemOf } from "../../src/services/curation-field-map.js";
import { curatedGraph, SEED_DIR, SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";

async function setting(): Promise<{ graph: KnowledgeGraph; reference: CurationReference }> {
  const read = await readSeedFiles(SEED_DIR, SOURCE_TEXT_DIR);
  return { graph: await curatedGraph(), reference: { files: read.input.files.filter((f) => f.kind === "sources" || f.kind === "tours"), sourceTexts: read.input.sourceTexts } };
}

describe("validating a write with the seed validator", () => {
  it("accepts the curated graph written back as seed entries, unchanged", async () => {
    const { graph, reference } = await setting();
    const check = checkCuration(reference, graph, { dataset: "back-muscle-spasm" });
    expect(check.ok).toBe(true);
  });

  it("reports a new concept's problems on the written entry, and a duplicate id on its id", async () => {
    const { graph, reference } = await setting();
    const existing = graph.concepts[0]!;
    const entry = { ...conceptEntry(existing), xrefs: [{ curie: "MESH:bad", match: "close" as const }] };
    const check = checkCuration(reference, graph, { concept: entry, dataset: existing.dataset });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const fields = check.problems.filter((p) => p.inWrittenEntry).map((p) => inputProblemOf(p, { kind: "concept" }).field);
    expect(fields).toContain("input.id");
    expect(fields).toContain("input.xrefs[0].curie");
  });

  it("reports what a retraction would break elsewhere (a tour step that shows the relation) on the id argument", async () => {
    const { graph, reference } = await setting();
    const toured = graph.tours.flatMap((t) => t.steps.flatMap((s) => s.relationIds))[0];
    expect(toured).toBeDefined();
    const check = checkCuration(reference, graph, { removeRelationId: toured!, dataset: "back-muscle-spasm" });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const problem = inputProblemOf(check.problems[0]!, { kind: "retraction" });
    expect(problem.field).toBe("id");
    expect(problem.reason).toContain("tours");
  });

  it("names an added evidence record's fields under input.evidence, its span under locator.start or locator.end", async () => {
    const { graph, reference } = await setting();
    const relation = graph.relations[0]!;
    const base = relationEntry(relation);
    const added = { ...base.evidence[0]!, span: [base.evidence[0]!.span[0], 10_000_000] as [number, number], reasoning: undefined, knowledgeLevel: "logical_entailment" as const };
    const check = checkCuration(reference, graph, { removeRelationId: relation.id, relation: { ...base, evidence: [...base.evidence, added] }, dataset: relation.dataset });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const fields = check.problems.map((p) => inputProblemOf(p, { kind: "evidence", index: base.evidence.length }).field);
    expect(fields).toContain("input.evidence.locator.end");
    expect(fields).toContain("input.evidence.reasoning");
  });
});

describe("mapping seed fields to input fields", () => {
  const problem = (field: string, reason = "is wrong") => ({ inWrittenEntry: true, where: "w", entryId: "e", field, reason });

  it("turns a relation's evidence locator fields into the EvidenceInput's locator", () => {
    expect(inputProblemOf(problem("evidence[2].source"), { kind: "relation" }).field).toBe("input.evidence[2].locator.source");
    expect(inputProblemOf(problem("evidence[0].span", "span starts inside the word x"), { kind: "relation" }).field).toBe("input.evidence[0].locator.start");
    expect(inputProblemOf(problem("evidence[0].span", "span ends on blank space at 9"), { kind: "relation" }).field).toBe("input.evidence[0].locator.end");
    expect(inputProblemOf(problem("evidence[0].claim"), { kind: "relation" }).field).toBe("input.evidence[0].claim");
    expect(inputProblemOf(problem("from"), { kind: "relation" }).field).toBe("input.from");
    expect(inputProblemOf(problem(""), { kind: "relation" }).field).toBe("input");
  });

  it("turns a concept's mention span into the mention's start or end", () => {
    expect(inputProblemOf(problem("mentions[1].span", "span [1, 2] is not inside section"), { kind: "concept" }).field).toBe("input.mentions[1].start");
    expect(inputProblemOf(problem("mentions[1].section"), { kind: "concept" }).field).toBe("input.mentions[1].section");
    expect(inputProblemOf(problem("synonyms[0]"), { kind: "concept" }).field).toBe("input.synonyms[0]");
  });

  it("reports a problem found in another entry on the main argument, naming that entry", () => {
    const elsewhere = { inWrittenEntry: false, where: "graph-seed/x/tours.yaml", entryId: "tour-a", field: "steps[0].relations[0]", reason: 'unknown relation "r"' };
    expect(inputProblemOf(elsewhere, { kind: "retraction" })).toEqual({ field: "id", reason: expect.stringContaining('entry "tour-a"') });
    expect(inputProblemOf(elsewhere, { kind: "concept" }).field).toBe("input");
  });
});

import { describe, expect, it } from "vitest";
import { validateSeed, type SeedValidation } from "../../src/domain/seed-validator.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";
import { curatedSeedInput, entry, seedCopyWith } from "../support/seed-fixtures.js";

function issuesOf(result: SeedValidation) {
  if (result.ok) throw new Error("expected the seed to be rejected");
  return result.issues;
}

function evidenceOf(relation: Record<string, unknown>, index: number): Record<string, unknown> {
  const found = (relation["evidence"] as Record<string, unknown>[])[index];
  if (found === undefined) throw new Error("fixture lost its evidence");
  return found;
}

describe("attributed passages", () => {
  it("rejects evidence inside a passage the article attributes to Cedars-Sinai when it does not cite it, naming file, line, entry and field", async () => {
    const dir = await seedCopyWith("back-muscle-spasm/relations.yaml", (t) => {
      const block = t.slice(t.indexOf("  - id: muscle-overload-causes-bleeding\n"));
      const withoutCitation = block.replace("        citedSource: cedars-sinai\n", "");
      return t.replace(block, withoutCitation);
    });
    const issues = issuesOf(await readValidatedSeed(dir, SOURCE_TEXT_DIR));
    expect(issues).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/back-muscle-spasm\/relations\.yaml$/),
        entryId: "muscle-overload-causes-bleeding",
        field: "evidence[0].citedSource",
        reason:
          'span [2037, 2119] overlaps [1939, 2119], which "back-spasm-article" attributes to "cedars-sinai"; set citedSource: cedars-sinai',
      }),
    ]);
    expect(issues[0]?.line).toBeGreaterThan(1);
  });

  it("rejects evidence that cites a different source than the passage is attributed to", async () => {
    const input = await curatedSeedInput();
    evidenceOf(entry(input, "relations", "muscle-overload-tears-tendons"), 0)["citedSource"] = "sports-injury-bulletin";
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`)).toEqual([
      'muscle-overload-tears-tendons evidence[0].citedSource: span [2037, 2119] overlaps [1939, 2119], which "back-spasm-article" attributes to "cedars-sinai"; set citedSource: cedars-sinai (not "sports-injury-bulletin")',
    ]);
  });

  it("leaves evidence outside every attributed passage free of citations", async () => {
    const input = await curatedSeedInput();
    const evidence = evidenceOf(entry(input, "relations", "walking-worsens-pain"), 0);
    expect(evidence["citedSource"]).toBeUndefined();
    expect(validateSeed(input).ok).toBe(true);
  });

  it("rejects an attribution to a source the article does not cite, or one that cuts a word", async () => {
    const input = await curatedSeedInput();
    const article = entry(input, "sources", "back-spasm-article");
    const attributions = article["attributions"] as Record<string, unknown>[];
    attributions.push({ span: [1002, 1147], citedSource: "back-spasm-article" }, { span: [1003, 1147], citedSource: "cedars-sinai" });
    const issues = issuesOf(validateSeed(input));
    const own = issues.filter((i) => i.entryId === "back-spasm-article").map((i) => `${i.field}: ${i.reason}`);
    expect(own).toEqual([
      'attributions[2].citedSource: source "back-spasm-article" is not declared as cited by "back-spasm-article" (set citedBy)',
      expect.stringMatching(/^attributions\[3\]\.span: span starts inside the word "\w+"$/),
    ]);
  });
});

describe("stated and inferred claims", () => {
  it("rejects an inferred claim (logical_entailment) that does not say how it follows", async () => {
    const input = await curatedSeedInput();
    delete evidenceOf(entry(input, "relations", "sports-break-prevents-reinjury"), 0)["reasoning"];
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`)).toEqual([
      "sports-break-prevents-reinjury evidence[0].reasoning: a logical_entailment claim is not stated by the source: add reasoning that says, in our words, how it follows from the passage",
    ]);
  });

  it("rejects a knowledge assertion that needs reasoning: only stated claims may be assertions", async () => {
    const input = await curatedSeedInput();
    evidenceOf(entry(input, "relations", "sports-break-prevents-reinjury"), 0)["knowledgeLevel"] = "knowledge_assertion";
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([
      expect.objectContaining({
        entryId: "sports-break-prevents-reinjury",
        field: "evidence[0].reasoning",
        reason: expect.stringMatching(/^a knowledge_assertion is stated by the source and carries no reasoning/),
      }),
    ]);
  });

  it("keeps reasoning in our own words, like claims", async () => {
    const input = await curatedSeedInput();
    const text = input.sourceTexts.get("back-spasm-symptoms.txt")?.text;
    if (text === undefined) throw new Error("source text missing");
    const evidence = evidenceOf(entry(input, "relations", "sports-break-prevents-reinjury"), 0);
    const [start, end] = evidence["span"] as [number, number];
    evidence["reasoning"] = text.slice(start, end);
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}`)).toEqual(["sports-break-prevents-reinjury evidence[0].reasoning"]);
    expect(issues[0]?.reason).toMatch(/^repeats more than 5 consecutive words of the source/);
  });
});

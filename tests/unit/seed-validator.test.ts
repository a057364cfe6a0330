import { describe, expect, it } from "vitest";
import { formatSeedIssue } from "../../src/domain/seed-issue.js";
import { validateSeed, type SeedValidation } from "../../src/domain/seed-validator.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";
import { curatedSeedInput, entriesOf, entry, seedCopyWith } from "../support/seed-fixtures.js";

function issuesOf(result: SeedValidation) {
  if (result.ok) throw new Error("expected the seed to be rejected");
  return result.issues;
}

describe("seed validation", () => {
  it("accepts the curated back-spasm seed", async () => {
    const result = validateSeed(await curatedSeedInput());
    expect(result.ok ? [] : result.issues.map(formatSeedIssue)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("reports a relation pointing at an unknown concept, naming file, entry and field", async () => {
    const input = await curatedSeedInput();
    entry(input, "relations", "sports-injury-dislodges-disc")["to"] = "disc-explosion";
    const [issue, ...rest] = issuesOf(validateSeed(input));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      file: expect.stringMatching(/graph-seed\/back-muscle-spasm\/relations\.yaml$/),
      entryId: "sports-injury-dislodges-disc",
      field: "to",
      reason: 'unknown concept "disc-explosion"',
    });
    expect(issue?.line).toBeGreaterThan(1);
  });

  it("reports a duplicate concept id", async () => {
    const input = await curatedSeedInput();
    const concepts = entriesOf(input, "concepts");
    concepts.push({ ...structuredClone(concepts[0] as Record<string, unknown>) });
    const issues = issuesOf(validateSeed(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entryId: "back-muscle-spasm", field: "id" });
    expect(issues[0]?.reason).toMatch(/^duplicate concept id; first defined in .*concepts\.yaml \(entry #1\)$/);
  });

  it("reports an unknown concept kind with the allowed values", async () => {
    const input = await curatedSeedInput();
    entry(input, "concepts", "ice-therapy")["kind"] = "remedy";
    const issues = issuesOf(validateSeed(input));
    expect(issues[0]).toMatchObject({ entryId: "ice-therapy", field: "kind" });
    expect(issues[0]?.reason).toContain('"condition"');
  });

  it("reports an unknown relation type", async () => {
    const input = await curatedSeedInput();
    entry(input, "relations", "ice-controls-swelling")["type"] = "SOOTHES";
    const issues = issuesOf(validateSeed(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entryId: "ice-controls-swelling", field: "type" });
    expect(issues[0]?.reason).toContain('"CAUSES"');
  });

  it("reports an evidence span that runs past the end of the source text", async () => {
    const input = await curatedSeedInput();
    const evidence = (entry(input, "relations", "stretching-prevents-spasm")["evidence"] as Record<string, unknown>[])[0];
    if (evidence === undefined) throw new Error("fixture lost its evidence");
    evidence["span"] = [2700, 2900];
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([
      expect.objectContaining({
        entryId: "stretching-prevents-spasm",
        field: "evidence[0].span",
        reason: "span [2700, 2900] lies outside the source text (2794 characters)",
      }),
    ]);
  });

  it("reports a span that leaves its section", async () => {
    const input = await curatedSeedInput();
    const evidence = (entry(input, "relations", "spasm-pain-on-movement")["evidence"] as Record<string, unknown>[])[0];
    if (evidence === undefined) throw new Error("fixture lost its evidence");
    evidence["section"] = "at-rest-symptoms";
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => i.reason)).toEqual(['span [1486, 1557] is not inside section "at-rest-symptoms" [984, 1461]']);
  });

  it("reports a span that cuts through a word", async () => {
    const input = await curatedSeedInput();
    const mention = (entry(input, "concepts", "walking")["mentions"] as Record<string, unknown>[])[0];
    if (mention === undefined) throw new Error("fixture lost its mention");
    mention["span"] = [1691, 1771];
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([expect.objectContaining({ entryId: "walking", field: "mentions[0].span", reason: 'span starts inside the word "your"' })]);
  });

  it("rejects a claim that repeats the article's own sentence", async () => {
    const input = await curatedSeedInput();
    const evidence = (entry(input, "relations", "ice-controls-swelling")["evidence"] as Record<string, unknown>[])[0];
    if (evidence === undefined) throw new Error("fixture lost its evidence");
    // The article's own sentence at the evidence span, read at run time so no article text is stored here.
    const text = input.sourceTexts.get("back-spasm-symptoms.txt")?.text ?? "";
    const [start, end] = evidence["span"] as [number, number];
    evidence["claim"] = text.slice(start, end);
    const firstSixWords = text.slice(start, end).toLowerCase().split(/\s+/).slice(0, 6).join(" ");
    const issues = issuesOf(validateSeed(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entryId: "ice-controls-swelling", field: "evidence[0].claim" });
    expect(issues[0]?.reason).toBe(`repeats more than 5 consecutive words of the source ("${firstSixWords}"); paraphrase it in our own words`);
  });

  it("rejects a misspelt field instead of ignoring it", async () => {
    const input = await curatedSeedInput();
    const concept = entry(input, "concepts", "walking");
    concept["synonym"] = concept["synonyms"];
    delete concept["synonyms"];
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([expect.objectContaining({ entryId: "walking", field: "", reason: 'unknown field(s) "synonym"' })]);
  });

  it("rejects a relation type between kinds it does not connect", async () => {
    const input = await curatedSeedInput();
    entry(input, "relations", "relaxants-treat-spasm")["to"] = "back-pain";
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'to: TREATS cannot end at a symptom ("back-pain"); allowed: condition, cause, complication',
    ]);
  });

  it("rejects a malformed cross-reference and a second exact owner of one identifier", async () => {
    const input = await curatedSeedInput();
    entry(input, "concepts", "walking")["xrefs"] = [{ curie: "MESH:12345", match: "exact" }];
    entry(input, "concepts", "exercise")["xrefs"] = [{ curie: "HP:0003418", match: "exact" }];
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`).sort()).toEqual([
      'exercise xrefs[0].curie: HP:0003418 is already an exact match of "back-pain"',
      'walking xrefs[0].curie: "12345" is not a valid MESH identifier (expected ^[CD]\\d{6,9}$)',
    ]);
  });

  it("rejects a treatment without a modality and attribution to an undeclared citation", async () => {
    const input = await curatedSeedInput();
    delete entry(input, "concepts", "ice-therapy")["modality"];
    const evidence = (entry(input, "relations", "walking-worsens-pain")["evidence"] as Record<string, unknown>[])[0];
    if (evidence === undefined) throw new Error("fixture lost its evidence");
    evidence["citedSource"] = "back-spasm-article";
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`).sort()).toEqual([
      "ice-therapy modality: a treatment needs a modality",
      'walking-worsens-pain evidence[0].citedSource: source "back-spasm-article" is not declared as cited by "back-spasm-article" (set citedBy)',
    ]);
  });

  it("rejects a concept that names the same mention twice", async () => {
    const input = await curatedSeedInput();
    const mentions = entry(input, "concepts", "walking")["mentions"] as unknown[];
    mentions.push(structuredClone(mentions[0]));
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([expect.objectContaining({ entryId: "walking", field: "mentions[1]", reason: "repeats an earlier mention of this concept" })]);
  });

  it("reports every problem of a seed in one run", async () => {
    const input = await curatedSeedInput();
    entry(input, "relations", "sports-injury-dislodges-disc")["from"] = "nowhere";
    entry(input, "concepts", "walking")["kind"] = "stroll";
    entry(input, "relations", "ice-controls-swelling")["type"] = "SOOTHES";
    (entry(input, "concepts", "exercise")["mentions"] as Record<string, unknown>[]).push({ source: "back-spasm-article", section: "treatment", span: [1687, 1771] });
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}`).sort()).toEqual([
      "exercise mentions[1].span",
      "ice-controls-swelling type",
      "sports-injury-dislodges-disc from",
      "walking kind",
    ]);
  });

  it("rejects source text that no longer matches its recorded hash", async () => {
    const input = await curatedSeedInput();
    const texts = new Map(input.sourceTexts);
    const original = texts.get("back-spasm-symptoms.txt");
    if (original === undefined) throw new Error("source text missing");
    texts.set("back-spasm-symptoms.txt", { text: original.text, sha256: "0".repeat(64) });
    const issues = issuesOf(validateSeed({ ...input, sourceTexts: texts }));
    expect(issues).toEqual([expect.objectContaining({ entryId: "back-spasm-article", field: "sha256" })]);
  });

  it("names the file and line of a YAML syntax error", async () => {
    const dir = await seedCopyWith("back-muscle-spasm/concepts.yaml", (t) => t.replace("  - id: walking\n", "  - id: walking\n    name: [unclosed\n"));
    const result = await readValidatedSeed(dir, SOURCE_TEXT_DIR);
    const issues = issuesOf(result);
    expect(issues[0]?.file).toMatch(/concepts\.yaml$/);
    expect(issues[0]?.reason).toMatch(/^YAML syntax error/);
    expect(issues[0]?.line).toBeGreaterThan(300);
  });

  it("points at the line of the offending field in the file", async () => {
    const dir = await seedCopyWith("back-muscle-spasm/relations.yaml", (t) => t.replace("    from: walking\n", "    from: walkng\n"));
    const issues = issuesOf(await readValidatedSeed(dir, SOURCE_TEXT_DIR));
    const text = (await import("node:fs/promises")).readFile(`${dir}/back-muscle-spasm/relations.yaml`, "utf8");
    const lineOfTypo = (await text).split("\n").findIndex((l) => l === "    from: walkng") + 1;
    expect(issues).toEqual([expect.objectContaining({ entryId: "walking-worsens-pain", field: "from", line: lineOfTypo })]);
  });
});

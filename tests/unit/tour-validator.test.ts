import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatSeedIssue } from "../../src/domain/seed-issue.js";
import { validateSeed, type SeedValidation } from "../../src/domain/seed-validator.js";
import type { SeedInput } from "../../src/domain/seed-validator.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";
import { curatedSeedInput, entriesOf, entry, seedCopyWith } from "../support/seed-fixtures.js";

type Step = Record<string, unknown> & { concepts: string[]; relations: string[] };

function issuesOf(result: SeedValidation) {
  if (result.ok) throw new Error("expected the seed to be rejected");
  return result.issues;
}

/** The steps of a curated tour, for in-place edits. */
function stepsOf(input: SeedInput, tourId: string): Step[] {
  return entry(input, "tours", tourId)["steps"] as Step[];
}

function stepOf(input: SeedInput, tourId: string, position: number): Step {
  const step = stepsOf(input, tourId)[position - 1];
  if (step === undefined) throw new Error(`tour ${tourId} has no step ${position}`);
  return step;
}

/** A sentence-sized passage of the article, read at run time so no article text sits in this file. */
async function articlePassage(input: SeedInput): Promise<string> {
  const evidence = (entry(input, "relations", "ice-controls-swelling")["evidence"] as { span: [number, number] }[])[0];
  const text = input.sourceTexts.get("back-spasm-symptoms.txt")?.text;
  if (evidence === undefined || text === undefined) throw new Error("fixture lost its evidence or text");
  return text.slice(...evidence.span);
}

describe("guided tour validation", () => {
  it("accepts the curated tours and numbers them in seed order, steps from 1", async () => {
    const result = validateSeed(await curatedSeedInput());
    if (!result.ok) throw new Error(result.issues.map(formatSeedIssue).join("\n"));
    expect(result.graph.tours.map((t) => [t.position, t.title])).toEqual([
      [0, "From a sports injury to a spasm"],
      [1, "Why moving makes it worse"],
      [2, "What each treatment acts on"],
    ]);
    for (const tour of result.graph.tours) {
      expect(tour.steps.map((s) => s.position)).toEqual(tour.steps.map((_s, i) => i + 1));
      expect(tour.dataset).toBe("back-muscle-spasm");
    }
  });

  it("reports an unknown concept id, naming the tour and the step", async () => {
    const input = await curatedSeedInput();
    stepOf(input, "sports-injury-to-spasm", 2).concepts.push("disc-explosion");
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/graph-seed\/back-muscle-spasm\/tours\.yaml$/),
        entryId: "sports-injury-to-spasm",
        field: "steps[1].concepts[4]",
        reason: 'step 2 ("A disc slips out of place"): unknown concept "disc-explosion"',
      }),
    ]);
    expect(issues[0]?.line).toBeGreaterThan(1);
  });

  it("reports an unknown relation id, naming the tour and the step", async () => {
    const input = await curatedSeedInput();
    stepOf(input, "why-moving-hurts", 3).relations.push("bending-cures-everything");
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([
      expect.objectContaining({
        entryId: "why-moving-hurts",
        field: "steps[2].relations[1]",
        reason: 'step 3 ("Bending and twisting"): unknown relation "bending-cures-everything"',
      }),
    ]);
  });

  it("reports a duplicate tour id", async () => {
    const input = await curatedSeedInput();
    const tours = entriesOf(input, "tours");
    tours.push(structuredClone(tours[0] as Record<string, unknown>));
    const issues = issuesOf(validateSeed(input));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entryId: "sports-injury-to-spasm", field: "id" });
    expect(issues[0]?.reason).toMatch(/^duplicate tour id; first defined in .*tours\.yaml \(entry #1\)$/);
  });

  it("rejects a tour without steps and a step that highlights nothing", async () => {
    const input = await curatedSeedInput();
    entry(input, "tours", "treatment-targets")["steps"] = [];
    const step = stepOf(input, "why-moving-hurts", 2);
    step.concepts = [];
    step.relations = [];
    delete step["focus"];
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`).sort()).toEqual([
      "treatment-targets steps: a tour needs at least one step",
      "why-moving-hurts steps[1].concepts: a step must highlight at least one concept",
    ]);
  });

  it("rejects a narrative, a step title or a summary copied from the article", async () => {
    const input = await curatedSeedInput();
    const passage = await articlePassage(input);
    stepOf(input, "treatment-targets", 4)["narrative"] = `As the article puts it: ${passage}`;
    stepOf(input, "treatment-targets", 1)["title"] = passage.slice(0, 60);
    entry(input, "tours", "why-moving-hurts")["summary"] = passage;
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}`).sort()).toEqual([
      "treatment-targets steps[0].title",
      "treatment-targets steps[3].narrative",
      "why-moving-hurts summary",
    ]);
    const narrative = issues.find((i) => i.field === "steps[3].narrative");
    expect(narrative?.reason).toMatch(/^step 4 \("Ice"\): repeats more than 5 consecutive words of the source \(".+"\); paraphrase it in our own words$/);
  });

  it("requires both ends of a highlighted relation among the step's concepts", async () => {
    const input = await curatedSeedInput();
    const step = stepOf(input, "sports-injury-to-spasm", 1);
    step.concepts = ["sports-back-injury"];
    const issues = issuesOf(validateSeed(input));
    expect(issues).toEqual([
      expect.objectContaining({
        entryId: "sports-injury-to-spasm",
        field: "steps[0].relations[0]",
        reason:
          'step 1 ("A knock during a game"): relation "sports-injury-happens-in-sport" links "sports-back-injury" to "sports-participation"; add "sports-participation" to the step\'s concepts',
      }),
    ]);
  });

  it("requires the focus to be a known concept that the step highlights, each listed once", async () => {
    const input = await curatedSeedInput();
    stepOf(input, "sports-injury-to-spasm", 1)["focus"] = "back-muscle-spasm";
    stepOf(input, "sports-injury-to-spasm", 2)["focus"] = "disc-explosion";
    stepOf(input, "sports-injury-to-spasm", 3).concepts.push("ligament-strain");
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.field}: ${i.reason}`)).toEqual([
      'steps[0].focus: step 1 ("A knock during a game"): the focus "back-muscle-spasm" must be one of the step\'s concepts',
      'steps[1].focus: step 2 ("A disc slips out of place"): unknown concept "disc-explosion"',
      'steps[2].concepts[4]: step 3 ("Other roads to the same place"): concept "ligament-strain" is listed twice',
    ]);
  });

  it("rejects a misspelt step field instead of ignoring it", async () => {
    const input = await curatedSeedInput();
    const step = stepOf(input, "why-moving-hurts", 1);
    step["narative"] = step["narrative"];
    delete step["narrative"];
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => `${i.entryId} ${i.field}: ${i.reason}`).sort()).toEqual([
      "why-moving-hurts steps[0].narrative: Invalid input: expected string, received undefined",
      'why-moving-hurts steps[0]: unknown field(s) "narative"',
    ]);
  });

  it("does not blame a tour for a relation that is wrong in itself", async () => {
    const input = await curatedSeedInput();
    entry(input, "relations", "relaxants-treat-spasm")["to"] = "back-pain";
    const issues = issuesOf(validateSeed(input));
    expect(issues.map((i) => i.entryId)).toEqual(["relaxants-treat-spasm"]);
  });

  it("points at the file and line of a bad id in tours.yaml, like every other seed issue", async () => {
    const dir = await seedCopyWith("back-muscle-spasm/tours.yaml", (t) =>
      t.replace("        focus: disc-presses-on-ligament\n", "        focus: disc-pressing-on-ligament\n"),
    );
    const issues = issuesOf(await readValidatedSeed(dir, SOURCE_TEXT_DIR));
    const text = await readFile(path.join(dir, "back-muscle-spasm", "tours.yaml"), "utf8");
    const line = text.split("\n").findIndex((l) => l === "        focus: disc-pressing-on-ligament") + 1;
    expect(issues.map(formatSeedIssue)).toEqual([
      expect.stringMatching(
        new RegExp(
          `back-muscle-spasm/tours\\.yaml:${line} entry "sports-injury-to-spasm" field "steps\\[3\\]\\.focus": step 4 \\("The disc meets a ligament"\\): unknown concept "disc-pressing-on-ligament"$`,
        ),
      ),
    ]);
  });
});

import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SourceTextLibrary, type SourceTextProblem } from "../../src/seed/source-text.library.js";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("SourceTextLibrary", () => {
  let dir: string;
  let problems: SourceTextProblem[];
  let library: SourceTextLibrary;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kg-texts-"));
    problems = [];
    library = new SourceTextLibrary(dir, (p) => problems.push(p));
    await writeFile(path.join(dir, "a.txt"), "A text of our own.");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("serves a text whose hash matches the seed's", async () => {
    expect(await library.textOf({ id: "a", textFile: "a.txt", sha256: sha("A text of our own.") })).toBe("A text of our own.");
    expect(problems).toEqual([]);
  });

  it("serves null, and reports once, when the file is missing", async () => {
    const source = { id: "gone", textFile: "gone.txt", sha256: null };
    expect(await library.textOf(source)).toBeNull();
    expect(await library.textOf(source)).toBeNull();
    expect(problems).toEqual([{ sourceId: "gone", file: path.join(dir, "gone.txt"), reason: "missing" }]);
  });

  it("serves null when the text differs from the one the spans were written against", async () => {
    expect(await library.textOf({ id: "a", textFile: "a.txt", sha256: sha("another text") })).toBeNull();
    expect(problems.map((p) => p.reason)).toEqual(["changed"]);
  });

  it("serves null for a source that has no text file", async () => {
    expect(await library.textOf({ id: "org", textFile: null, sha256: null })).toBeNull();
  });

  it("never reads outside its folder, whatever the file name says", async () => {
    await writeFile(path.join(path.dirname(dir), "outside-kg-texts.txt"), "secret");
    try {
      expect(await library.textOf({ id: "x", textFile: "../outside-kg-texts.txt", sha256: null })).toBeNull();
    } finally {
      await rm(path.join(path.dirname(dir), "outside-kg-texts.txt"), { force: true });
    }
  });
});

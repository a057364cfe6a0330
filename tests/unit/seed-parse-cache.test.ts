import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseSeedText } from "../../src/seed/seed-files.reader.js";
import { cachedSeedParser } from "../../src/seed/seed-parse.cache.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { SEED_DIR, SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";
import { seedCopyWith } from "../support/seed-fixtures.js";

const TEXT = "concepts:\n  - id: a\n    name: A\n    synonyms: [x, y]\n  - id: b\n    name: B\n";

describe("the seed parse cache (memory mode's start-up)", () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-seed-parse-"));
    dirs.push(dir);
    return dir;
  };
  const entries = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".json"));
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("answers what parseSeedText answers, and keeps one entry per text", () => {
    const dir = tempDir();
    const parse = cachedSeedParser(dir);
    const first = parse(TEXT);
    expect(first.data).toEqual(parseSeedText(TEXT).data);
    expect(entries(dir)).toHaveLength(1);
    expect(parse(TEXT).data).toEqual(first.data);
    expect(entries(dir)).toHaveLength(1);
    parse(TEXT.replace("name: B", "name: C"));
    expect(entries(dir)).toHaveLength(2);
  });

  it("serves a text it has seen from its entry, without parsing it again", () => {
    const dir = tempDir();
    cachedSeedParser(dir)(TEXT);
    const [entry] = entries(dir);
    writeFileSync(path.join(dir, entry ?? ""), JSON.stringify({ concepts: [{ id: "from-the-cache" }] }));
    expect(cachedSeedParser(dir)(TEXT).data).toEqual({ concepts: [{ id: "from-the-cache" }] });
  });

  it("gives the lines of paths in a text served from its entry, as the parser does", () => {
    const dir = tempDir();
    cachedSeedParser(dir)(TEXT);
    const hit = cachedSeedParser(dir)(TEXT);
    const parsed = parseSeedText(TEXT);
    for (const p of [["concepts", 1, "name"], ["concepts", 0, "synonyms", 1], ["concepts", 5]]) expect(hit.lineOf(p)).toBe(parsed.lineOf(p));
    expect(hit.lineOf(["concepts", 1, "name"])).toBe(6);
  });

  it("keeps no entry for a text with YAML errors, and reports them as the parser does", () => {
    const dir = tempDir();
    const broken = "concepts:\n  - id: a\n    name: [unclosed\n";
    expect(cachedSeedParser(dir)(broken).errors).toEqual(parseSeedText(broken).errors);
    expect(parseSeedText(broken).errors.length).toBeGreaterThan(0);
    expect(entries(dir)).toEqual([]);
  });

  it("keeps no entry for data JSON would change (.inf, .nan, -0)", () => {
    const dir = tempDir();
    const parse = cachedSeedParser(dir);
    for (const value of [".inf", ".nan", "-0"]) {
      const text = `sources:\n  - id: s\n    weight: ${value}\n`;
      expect(parse(text).data).toEqual(parseSeedText(text).data);
      expect(parse(text).data).toEqual(parseSeedText(text).data);
    }
    expect(entries(dir)).toEqual([]);
  });

  it("still parses when its folder cannot be made", () => {
    // under a file, so it fails for root too
    const file = path.join(tempDir(), "a-file");
    writeFileSync(file, "");
    const parse = cachedSeedParser(path.join(file, "cache"));
    expect(parse(TEXT).data).toEqual(parseSeedText(TEXT).data);
    expect(parse(TEXT).data).toEqual(parseSeedText(TEXT).data);
  });

  it("reads the curated seed into the same graph, from a cold and from a warm cache", async () => {
    const dir = tempDir();
    const plain = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR);
    const cold = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR, cachedSeedParser(dir));
    const warm = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR, cachedSeedParser(dir));
    expect(plain.ok).toBe(true);
    expect(entries(dir).length).toBeGreaterThan(0);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
  });

  it("names the same line for an invalid field when the file's data comes from the cache", async () => {
    const seedDir = await seedCopyWith("back-muscle-spasm/relations.yaml", (t) => t.replace("    from: walking\n", "    from: walkng\n"));
    dirs.push(seedDir);
    const dir = tempDir();
    await readValidatedSeed(seedDir, SOURCE_TEXT_DIR, cachedSeedParser(dir));
    const warm = await readValidatedSeed(seedDir, SOURCE_TEXT_DIR, cachedSeedParser(dir));
    const lineOfTypo = readFileSync(path.join(seedDir, "back-muscle-spasm", "relations.yaml"), "utf8").split("\n").indexOf("    from: walkng") + 1;
    expect(warm.ok ? [] : warm.issues).toEqual([expect.objectContaining({ entryId: "walking-worsens-pain", field: "from", line: lineOfTypo })]);
    expect(warm).toEqual(await readValidatedSeed(seedDir, SOURCE_TEXT_DIR));
  });
});

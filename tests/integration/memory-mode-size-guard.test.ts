import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { writeSyntheticSeed, type WrittenSeed } from "../../src/generate/seed-writer.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import { readSeedFiles } from "../../src/seed/seed-files.reader.js";
import { HEAP_BYTES_PER_SEED_BYTE, MAX_SEED_FILE_BYTES, seedFileTooLargeReason, seedTooLargeReason } from "../../src/seed/seed-size.guard.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

const run = promisify(execFile);

describe("memory mode refuses a seed too large for its heap", () => {
  let out: string;
  let written: WrittenSeed;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "kg-too-large-"));
    written = await writeSyntheticSeed(generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 5000, seed: 2 }), out);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it("judges by file size against the heap left, before parsing anything", () => {
    const heap = { heap_size_limit: 4 * 2 ** 30, used_heap_size: 2 ** 28 };
    const fits = Math.floor((heap.heap_size_limit - heap.used_heap_size) / HEAP_BYTES_PER_SEED_BYTE);
    expect(seedTooLargeReason(fits, heap as never)).toBeNull();
    expect(seedTooLargeReason(fits + 1024, heap as never)).toMatch(/seed files total .* needs about .* of heap.*set NEO4J_URI/);
  });

  it("names the heap to ask for when the machine has it, and the routes that need no seed files when it has not", () => {
    const heap = { heap_size_limit: 4 * 2 ** 30, used_heap_size: 2 ** 28 };
    // 100 MB of YAML needs about 5 GB: a 24 GB machine can give it, so the advice is more heap, for the service or npm run seed.
    const roomy = seedTooLargeReason(100 * 2 ** 20, heap as never, 24 * 2 ** 30);
    expect(roomy).toMatch(/--max-old-space-size=(\d+)/);
    expect(Number(/--max-old-space-size=(\d+)/.exec(roomy ?? "")?.[1])).toBeGreaterThanOrEqual(5000);
    // 1 GB of YAML needs about 50 GB: neither the service nor npm run seed can read it here, so neither is offered as the way out.
    const tooBig = seedTooLargeReason(2 ** 30, heap as never, 24 * 2 ** 30);
    expect(tooBig).toMatch(/cannot read seed files this large.*npm run generate -- --concepts N --load.*neo4j-admin database import/);
    expect(tooBig).not.toMatch(/max-old-space-size|load it into Neo4j that way/);
  });

  it("refuses one file longer than a string can hold, naming the file and how to split it", async () => {
    expect(seedFileTooLargeReason(MAX_SEED_FILE_BYTES)).toBeNull();
    expect(seedFileTooLargeReason(MAX_SEED_FILE_BYTES + 1)).toMatch(/longer than the longest text Node can hold.*relations-1\.yaml/);
  });

  it("names a seed file too long to read before anything is parsed, besides the heap the whole seed needs", async () => {
    const seedDir = path.join(out, "oversized");
    await mkdir(path.join(seedDir, "big"), { recursive: true });
    // A sparse file: its size says 512 MB and more, yet it takes no disk and is never read.
    await writeFile(path.join(seedDir, "big", "relations.yaml"), "");
    await truncate(path.join(seedDir, "big", "relations.yaml"), MAX_SEED_FILE_BYTES + 1);
    const { issues } = await readSeedFiles(seedDir, written.sourceTextDir);
    const named = issues.find((i) => i.file.endsWith(path.join("big", "relations.yaml")));
    expect(named?.reason).toMatch(/longer than the longest text Node can hold/);
    expect(issues.some((i) => /seed files total/.test(i.reason))).toBe(true);
  });

  it("exits at start-up with the reason, not an out-of-memory crash, when the heap is too small", async () => {
    // 5,000 concepts are ~5 MB of YAML: about 250 MB of heap by the guard's measure, more than a 160 MB heap leaves once the service's own code is loaded (without the guard it dies of heap exhaustion).
    const started = run(process.execPath, ["--max-old-space-size=160", "--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: "", PORT: "0", SEED_DIR: written.seedDir, SOURCE_TEXT_DIR: written.sourceTextDir, LOG_LEVEL: "warn" },
      timeout: 60_000,
    });
    const failure = (await started.then(() => null, (e: unknown) => e)) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/the seed files total .* needs about .* of heap/);
    expect(failure?.stderr).not.toMatch(/heap out of memory|FATAL ERROR/i);
  });
});

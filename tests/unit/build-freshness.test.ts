import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale } from "../../tools/build/build-freshness.mjs";

describe("npm start's check that dist/ matches the sources", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function layout() {
    const root = mkdtempSync(path.join(tmpdir(), "kg-freshness-"));
    dirs.push(root);
    mkdirSync(path.join(root, "src", "deep"), { recursive: true });
    const source = path.join(root, "src", "deep", "a.ts");
    const config = path.join(root, "tsconfig.json");
    const stamp = path.join(root, ".build-stamp");
    for (const file of [source, config, stamp]) writeFileSync(file, "x");
    const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
    at(source, 1_000);
    at(config, 1_000);
    at(stamp, 2_000);
    return { inputs: [path.join(root, "src"), config, path.join(root, "missing.json")], source, config, stamp, at };
  }

  it("is fresh when the stamp is newer than every input (missing inputs ignored)", () => {
    const { stamp, inputs } = layout();
    expect(buildIsStale(stamp, inputs)).toBe(false);
  });

  it("is stale when a source deep in a folder was edited after the build", () => {
    const { stamp, inputs, source, at } = layout();
    at(source, 3_000);
    expect(buildIsStale(stamp, inputs)).toBe(true);
  });

  it("is stale when a single input file changed after the build", () => {
    const { stamp, inputs, config, at } = layout();
    at(config, 3_000);
    expect(buildIsStale(stamp, inputs)).toBe(true);
  });

  it("is stale when there has been no build", () => {
    const { stamp, inputs } = layout();
    rmSync(stamp);
    expect(buildIsStale(stamp, inputs)).toBe(true);
  });
});

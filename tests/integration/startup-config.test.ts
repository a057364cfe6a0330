import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("service start-up", () => {
  it("stops with one clear line when a setting is invalid", () => {
    const result = start({ PORT: "eighty" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(['Invalid configuration: PORT must be a whole number (got "eighty")']);
  });

  it("refuses a seed folder that does not validate, listing the problems", () => {
    const result = start({ SEED_DIR: path.join(REPO_ROOT, "tests") });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NEO4J_URI is not set and the seed in .* has \d+ problem\(s\)/);
  });
});

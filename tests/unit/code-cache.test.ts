import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { codeCacheFile } from "../../tools/build/code-cache.mjs";

const CODE_CACHE = pathToFileURL(path.join(REPO_ROOT, "tools", "build", "code-cache.mjs")).href;

/** A CommonJS file that reports what it sees, then exits with EXIT_CODE after STAY_MS. */
const SCRIPT = `
const helper = require("./helper.cjs");
console.log(JSON.stringify({ file: __filename, dir: __dirname, helper, isModule: typeof module.exports === "object" }));
setTimeout(() => process.exit(Number(process.env.EXIT_CODE)), Number(process.env.STAY_MS));
`;

describe("npm start's V8 code cache (tools/build/code-cache.mjs)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function fixture(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-code-cache-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "helper.cjs"), 'module.exports = "helper loaded";');
    const file = path.join(dir, "main.cjs");
    writeFileSync(file, SCRIPT);
    return file;
  }

  /** Runs the file through runWithCodeCache in a fresh process: what the cache was, and what the file printed. */
  function run(file: string, options: { exitCode?: number; stayMs?: number; writeAfterMs?: number } = {}): { outcome: string; seen: Record<string, unknown> } {
    const driver = `import { runWithCodeCache } from ${JSON.stringify(CODE_CACHE)}; console.log(runWithCodeCache(process.argv[1], { writeAfterMs: ${options.writeAfterMs ?? 60_000} }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", driver, file], {
      env: { ...process.env, EXIT_CODE: String(options.exitCode ?? 0), STAY_MS: String(options.stayMs ?? 0) },
      encoding: "utf8",
    });
    expect(child.status).toBe(options.exitCode ?? 0);
    const [seen = "", outcome = ""] = child.stdout.trim().split("\n");
    return { outcome, seen: JSON.parse(seen) as Record<string, unknown> };
  }

  it("runs the file as CommonJS: its own __filename, __dirname, module and a require relative to it", () => {
    const file = fixture();
    expect(run(file).seen).toEqual({ file, dir: path.dirname(file), helper: "helper loaded", isModule: true });
  });

  it("writes the cache at a clean exit and compiles from it the next time", () => {
    const file = fixture();
    expect(run(file).outcome).toBe("absent");
    expect(existsSync(codeCacheFile(file))).toBe(true);
    const written = statSync(codeCacheFile(file)).mtimeMs;
    expect(run(file).outcome).toBe("accepted");
    expect(statSync(codeCacheFile(file)).mtimeMs).toBe(written);
  });

  it("writes no cache when the process fails before the delay", () => {
    const file = fixture();
    expect(run(file, { exitCode: 1 }).outcome).toBe("absent");
    expect(existsSync(codeCacheFile(file))).toBe(false);
  });

  it("writes the cache after the delay when the process is still running", () => {
    const file = fixture();
    run(file, { exitCode: 1, stayMs: 400, writeAfterMs: 50 });
    expect(existsSync(codeCacheFile(file))).toBe(true);
  });

  it("replaces a cache V8 rejects", () => {
    const file = fixture();
    writeFileSync(codeCacheFile(file), "not a code cache");
    expect(run(file).outcome).toBe("rejected");
    expect(run(file).outcome).toBe("accepted");
  });

  it("names a different cache once the file changes", () => {
    const file = fixture();
    const before = codeCacheFile(file);
    writeFileSync(file, `${SCRIPT}\n// edited\n`);
    expect(codeCacheFile(file)).not.toBe(before);
  });
});

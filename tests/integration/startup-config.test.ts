import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { loadCuratedGraph, neo4jConnection, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

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

describe.skipIf(noNeo4j)("service shutdown", () => {
  it("exits 0 promptly on SIGTERM after serving requests from Neo4j", async () => {
    if (neo4jConnection === null) throw new Error("no Neo4j");
    const executor = testExecutor();
    await loadCuratedGraph(executor);
    await executor.close();
    const port = 43000 + Math.floor(Math.random() * 1000);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), NEO4J_URI: neo4jConnection.uri, NEO4J_PASSWORD: neo4jConnection.password, LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      let ready = false;
      for (let i = 0; i < 200 && !ready; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(true);
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ graphStats { concepts } }" }) });
      expect((await answer.json()).data).toEqual({ graphStats: { concepts: 45 } });
      const stopped = Date.now();
      child.kill("SIGTERM");
      const code = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 15_000))]);
      expect(code).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(15_000);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

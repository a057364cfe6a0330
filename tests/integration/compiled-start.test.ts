import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnUntilReady } from "../../bench/ready-process.js";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("npm start (the compiled API)", () => {
  it("runs the compiled entry, not the TypeScript sources", () => {
    expect(packageJson.scripts["start"]).toBe("node tools/build/start.mjs");
    expect(packageJson.scripts["prepare"]).toContain("tools/build/build-dist.mjs");
  });

  it("serves /ready, GraphQL with the schema's type names, the playground and the explorer, then stops on SIGTERM", async () => {
    const port = await findFreePort();
    const [command, ...args] = (packageJson.scripts["start"] ?? "").split(" ");
    expect(command).toBe("node");
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: "", PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    try {
      let ready: Response | null = null;
      // generous: the first start after an edit rebuilds dist/ on this shared machine
      for (let i = 0; i < 1800 && ready === null && child.exitCode === null; i++) {
        ready = await fetch(`${url}/ready`).then((r) => (r.ok ? r : null), () => null);
        if (ready === null) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready?.status).toBe(200);
      expect(await ready?.json()).toEqual({ status: "ready", backend: "memory" });
      const answer = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ concept(id: "back-muscle-spasm") { __typename name } }' }),
      });
      expect((await answer.json()).data).toEqual({ concept: { __typename: "Condition", name: "Back muscle spasm" } });
      const playground = await fetch(`${url}/graphql`, { headers: { accept: "text/html" } });
      expect(playground.status).toBe(200);
      expect(await playground.text()).toContain("<title>Back spasm knowledge graph</title>");
      // the explorer bundles its script with esbuild at the first visit, which must work from the compiled bundle too
      const explorer = await fetch(`${url}/explore`);
      expect(explorer.status).toBe(200);
      const script = /src="(\/explore\/explorer\.js[^"]*)"/.exec(await explorer.text())?.[1];
      expect(script).toBeDefined();
      const bundle = await fetch(`${url}${script ?? ""}`);
      expect(bundle.status).toBe(200);
      expect((await bundle.text()).length).toBeGreaterThan(100_000);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 240_000);

  it("loads the Neo4j backend, which memory mode leaves out, when NEO4J_URI is set", async () => {
    const [port, boltPort] = [await findFreePort(), await findFreePort()]; // nothing listens at boltPort
    const [command, ...args] = (packageJson.scripts["start"] ?? "").split(" ");
    expect(command).toBe("node");
    const api = await spawnUntilReady([process.execPath, ...args], {
      env: { NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
      readyUrl: `http://127.0.0.1:${port}/health`,
      timeoutMs: 180_000,
    });
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", backend: "neo4j" });
    } finally {
      await api.stop();
    }
  }, 240_000);
});

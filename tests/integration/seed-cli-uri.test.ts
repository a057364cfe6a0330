import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

function seed(env: Record<string, string>, args: readonly string[] = []) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "cli", "seed.cli.ts"), "--wait", "0", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: "", NEO4J_BOLT_HOST: "", NEO4J_BOLT_PORT: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run seed without NEO4J_URI", () => {
  it("connects where `npm run neo4j` listens for the same NEO4J_BOLT_PORT", async () => {
    const port = await findFreePort(); // nothing listens there, so the CLI reports the address it tried
    const result = seed({ NEO4J_BOLT_PORT: String(port) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port} as neo4j`);
  });

  it("reaches a wildcard NEO4J_BOLT_HOST through loopback", async () => {
    const port = await findFreePort();
    const result = seed({ NEO4J_BOLT_HOST: "0.0.0.0", NEO4J_BOLT_PORT: String(port) });
    expect(result.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port} `);
  });

  it("still prefers NEO4J_URI when it is set", async () => {
    const port = await findFreePort();
    const result = seed({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_BOLT_PORT: "1" });
    expect(result.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port} `);
  });

  it("says the same when an export cannot reach Neo4j, and writes nothing", async () => {
    const port = await findFreePort();
    const parent = mkdtempSync(path.join(tmpdir(), "kg-seed-cli-"));
    try {
      const out = path.join(parent, "export");
      const result = seed({ NEO4J_BOLT_PORT: String(port) }, ["--export", out]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port} as neo4j. Start it with \`npm run neo4j\` or set NEO4J_URI.`);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

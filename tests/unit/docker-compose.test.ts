import { execFileSync, spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/config/config.js";

const composeAvailable = spawnSync("docker", ["compose", "version"], { encoding: "utf8" }).status === 0;

describe("docker-compose.yml", () => {
  it("runs Neo4j 5.26 Community with a health check and a named volume, and the API after the seed", async () => {
    const compose = parse(await readFile(path.join(REPO_ROOT, "docker-compose.yml"), "utf8"));
    expect(compose.services.neo4j.image).toBe("neo4j:5.26-community");
    expect(compose.services.neo4j.healthcheck.test).toBeDefined();
    expect(compose.services.neo4j.volumes).toEqual(["neo4j-data:/data"]);
    expect(Object.keys(compose.volumes)).toEqual(["neo4j-data"]);
    expect(compose.services.api.depends_on).toEqual({ neo4j: { condition: "service_healthy" }, seed: { condition: "service_completed_successfully" } });
    expect(compose.services.api.healthcheck.test.join(" ")).toContain("/ready");
    expect(compose.services.seed.command).toEqual(["node", "dist/cli/seed.cli.js"]);
  });

  it.skipIf(!composeAvailable)("passes `docker compose config`", () => {
    expect(() => execFileSync("docker", ["compose", "config", "-q"], { cwd: REPO_ROOT, stdio: "pipe" })).not.toThrow();
  });
});

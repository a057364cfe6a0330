import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { curatedGraph, neo4jConnection, noNeo4j } from "../support/neo4j-test-env.js";

function runExportCli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { NEO4J_URI: _uri, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "src/cli/export.cli.ts", ...args], { cwd: REPO_ROOT, env: { ...inherited, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });
}

describe("npm run export", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "kg-export-cli-"));
  });
  afterAll(async () => {
    if (out !== undefined) await rm(out, { recursive: true, force: true });
  });

  it("writes every format from the validated seed when NEO4J_URI is not set, and says so", async () => {
    const graph = await curatedGraph();
    const result = await runExportCli(["--format", "all", "--out", out], {});
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toMatch(
      new RegExp(`^Read ${graph.concepts.length} concepts, ${graph.relations.length} relations and ${graph.sources.length} sources from the validated seed in .*graph-seed \\(NEO4J_URI is not set\\)\\.$`),
    );
    expect((await readdir(path.join(out, "kgx"))).sort()).toEqual(["edges.jsonl", "edges.tsv", "nodes.jsonl", "nodes.tsv", "sources.json"]);
    expect(await readdir(path.join(out, "graphml"))).toEqual(["graph.graphml"]);
    expect(await readdir(path.join(out, "cytoscape"))).toEqual(["graph.cyjs"]);
    expect(await readdir(path.join(out, "csv"))).toContain("import.sh");
    expect((await readFile(path.join(out, "kgx", "nodes.jsonl"), "utf8")).trim().split("\n")).toHaveLength(graph.concepts.length);
  });

  it("rejects an unknown format with usage and exit code 2, writing nothing", async () => {
    const target = path.join(out, "nothing");
    const result = await runExportCli(["--format", "pdf", "--out", target], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown format "pdf"');
    await expect(readdir(target)).rejects.toThrow();
  });

  it.skipIf(noNeo4j)("reads Neo4j when NEO4J_URI is set, and says so", async () => {
    const target = path.join(out, "from-neo4j");
    const result = await runExportCli(["--format", "graphml", "--out", target], {
      NEO4J_URI: neo4jConnection!.uri,
      NEO4J_USER: neo4jConnection!.user,
      NEO4J_PASSWORD: neo4jConnection!.password,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`from Neo4j at ${neo4jConnection!.uri}`);
    expect(await readFile(path.join(target, "graph.graphml"), "utf8")).toBe(await readFile(path.join(out, "graphml", "graph.graphml"), "utf8"));
  });
});

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { exportFiles } from "../../src/export/export-formats.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

/**
 * The KGX export checked by the real `kgx validate` (PyPI kgx, run offline through
 * ../shared/tools/kgx_offline.py). KGX_PYTHON names a Python with kgx installed
 * (tools/kgx/ensure-kgx.sh prints one); without it the check skips loudly, and fails under CI=true
 * or REQUIRE_KGX=1.
 */
const LOCAL_VENV = path.join(REPO_ROOT, ".tmp", "kgx-venv", "bin", "python");
const python = process.env["KGX_PYTHON"] || (existsSync(LOCAL_VENV) ? LOCAL_VENV : null);
const required = process.env["CI"] === "true" || process.env["REQUIRE_KGX"] === "1";
const KGX_OFFLINE = path.resolve(REPO_ROOT, "..", "shared", "tools", "kgx_offline.py");

function kgxValidate(form: "tsv" | "jsonl", dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      python!,
      [KGX_OFFLINE, "validate", "-i", form, path.join(dir, `nodes.${form}`), path.join(dir, `edges.${form}`)],
      { cwd: dir, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, output: `${stdout}\n${stderr}` }),
    );
  });
}

if (python === null && !required) {
  const rule = "=".repeat(78);
  console.warn(`${rule}\nSKIPPING the kgx validate checks: no KGX_PYTHON and no .tmp/kgx-venv.\nRun tools/kgx/ensure-kgx.sh (about 2 minutes) and set KGX_PYTHON to the path it prints.\n${rule}`);
}

describe.skipIf(python === null && !required)("exports read by outside tools: kgx validate and networkx", () => {
  let dir: string;
  beforeAll(async () => {
    if (python === null) throw new Error("kgx is required (CI=true or REQUIRE_KGX=1) but KGX_PYTHON is not set; run tools/kgx/ensure-kgx.sh");
    dir = await mkdtemp(path.join(tmpdir(), "kgx-validate-"));
    for (const file of exportFiles("kgx", await curatedGraph(), {})) await writeFile(path.join(dir, file.name), file.text);
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("passes with no errors, in TSV and in JSON Lines", { timeout: 300_000 }, async () => {
    const [tsv, jsonl] = await Promise.all([kgxValidate("tsv", dir), kgxValidate("jsonl", dir)]);
    for (const result of [tsv, jsonl]) {
      expect(result.output).not.toMatch(/ERROR|Traceback/);
      expect(result.output.trim().endsWith("{}")).toBe(true);
      expect(result.code).toBe(0);
    }
  });

  it("writes GraphML that networkx (installed with kgx) reads into the same nodes, edges and typed attributes", async () => {
    const graph = await curatedGraph();
    await writeFile(path.join(dir, "graph.graphml"), exportFiles("graphml", graph, {})[0]!.text);
    const script = [
      "import json, sys, networkx as nx",
      "g = nx.read_graphml(sys.argv[1])",
      "print(json.dumps({'multi': g.is_multigraph(), 'directed': g.is_directed(), 'nodes': {n: d['label'] for n, d in g.nodes(data=True)},",
      "  'edges': {k: [u, v, d['type'], d['evidence_count']] for u, v, k, d in g.edges(keys=True, data=True)}}))",
    ].join("\n");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(python!, ["-c", script, path.join(dir, "graph.graphml")], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, out) => (error === null ? resolve(out) : reject(error))),
    );
    const read = JSON.parse(stdout);
    expect(read.directed).toBe(true);
    expect(read.nodes).toEqual(Object.fromEntries(graph.concepts.map((c) => [c.id, c.name])));
    expect(read.edges).toEqual(Object.fromEntries(graph.relations.map((r) => [r.id, [r.from, r.to, r.type, r.evidence.length]])));
  });

  it("is a check that can fail: an unknown predicate is reported", { timeout: 300_000 }, async () => {
    const broken = path.join(dir, "broken");
    await mkdir(broken);
    const files = exportFiles("kgx", await curatedGraph(), {});
    await writeFile(path.join(broken, "nodes.jsonl"), files.find((f) => f.name === "nodes.jsonl")!.text);
    await writeFile(path.join(broken, "edges.jsonl"), files.find((f) => f.name === "edges.jsonl")!.text.replace('"predicate":"biolink:causes"', '"predicate":"biolink:heals"'));
    const result = await kgxValidate("jsonl", broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("INVALID_EDGE_PREDICATE");
  });
});

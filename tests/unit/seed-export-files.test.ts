import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Concept, KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import {
  exportConceptPageQuery,
  exportEvidenceOfQuery,
  exportRelationsFromQuery,
  exportSourcePageQuery,
} from "../../src/neo4j/cypher/seed-export.query.js";
import { readBaseSeedFiles } from "../../src/seed/seed-base.reader.js";
import { graphToSeedDatasets } from "../../src/seed/seed-entries.js";
import { OutputFolderNotEmptyError, writeSeedFolder } from "../../src/seed/seed-folder.writer.js";
import { baseSeedHints, layoutSeedFiles, type BaseSeedFile } from "../../src/seed/seed-layout.js";
import { renderSeedFile, renderSeedFilePieces } from "../../src/seed/seed-yaml.format.js";
import { SEED_DIR, curatedGraph } from "../support/neo4j-test-env.js";

describe("export Cypher", () => {
  it("is read-only, carries ids only as parameters, and keeps one statement text whatever the page", () => {
    const hostile = "x' }) DETACH DELETE n //";
    const queries = [exportConceptPageQuery(hostile, 5), exportSourcePageQuery(hostile, 5), exportRelationsFromQuery([hostile]), exportEvidenceOfQuery([hostile])];
    for (const q of queries) {
      expect(q.cypher).not.toContain(hostile);
      expect(q.cypher).not.toMatch(/\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/);
      expect(JSON.stringify(q.params)).toContain("DETACH DELETE");
    }
    expect(exportConceptPageQuery(null, 1000).cypher).toBe(exportConceptPageQuery("a", 10).cypher);
    expect(exportEvidenceOfQuery(["a"]).cypher).toContain("NOT e:RetractedEvidence");
  });
});

describe("seed YAML style", () => {
  it("writes awkward strings so that they read back exactly", () => {
    const awkward = ["null", "123", "yes", "- dash", "a: colon", "hash # sign", "'quoted'", '"double"', "back\\slash", "naïve — ünïcode", "[bracket], {brace}", "trailing space ", "two  spaces"];
    const concepts = awkward.map((text, i) => ({
      id: `c-${i}`,
      kind: "symptom",
      name: text,
      synonyms: [text, `${text} again`],
      summary: text,
      mentions: [{ source: "s", section: "x", span: [i, i + 1] }],
    }));
    const relations = awkward.map((text, i) => ({
      id: `r-${i}`,
      type: "CAUSES",
      from: "a",
      to: "b",
      qualifiers: { appliesWhen: text, timing: text },
      evidence: [{ source: "s", section: "x", span: [1, 2], claim: text, reasoning: text, knowledgeLevel: "logical_entailment", agentType: "manual_agent" }],
    }));
    expect(parse(renderSeedFile("concepts", concepts))).toEqual({ concepts });
    expect(parse(renderSeedFile("relations", relations))).toEqual({ relations });
  });

  it("folds a long narrative at 100 columns and keeps spans, ids and mentions on one line each", () => {
    const narrative = "word ".repeat(60).trim();
    const tours = [{ id: "t", title: "T", summary: "Short.", steps: [{ title: "S", narrative, concepts: ["a", "b"], relations: ["r"], focus: "a" }] }];
    const text = renderSeedFile("tours", tours);
    expect(text).toContain("        narrative: >-\n          word word");
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).toContain("        concepts: [a, b]\n        relations: [r]\n");
    expect(parse(text)).toEqual({ tours });
    const concepts = [{ id: "c", kind: "symptom", name: "C", summary: "s", xrefs: [{ curie: "HP:0003394", match: "broad" }], mentions: [{ source: "s", section: "x", span: [1, 2] }] }];
    expect(renderSeedFile("concepts", concepts)).toContain('    xrefs:\n      - { curie: "HP:0003394", match: broad }\n    mentions:\n      - { source: s, section: x, span: [1, 2] }\n');
  });

  it("writes a file in pieces with exactly the bytes of the whole, for files longer than a string can be", async () => {
    const concepts = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, kind: "symptom", name: `C ${i}`, synonyms: [`s${i}`], summary: "s", mentions: [{ source: "s", section: "x", span: [i, i + 1] }] }));
    const pieces = [...renderSeedFilePieces("concepts", concepts, 3)];
    expect(pieces).toHaveLength(4);
    expect(pieces.join("")).toBe(renderSeedFile("concepts", concepts));
    const out = await mkdtemp(path.join(tmpdir(), "kg-pieces-"));
    try {
      await writeSeedFolder(path.join(out, "seed"), [{ dataset: "d", name: "concepts.yaml", text: renderSeedFilePieces("concepts", concepts, 2) }], { force: false });
      expect(await readFile(path.join(out, "seed", "d", "concepts.yaml"), "utf8")).toBe(renderSeedFile("concepts", concepts));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("leaves out lists and maps whose default is empty, as a person writes them", () => {
    const text = renderSeedFile("relations", [{ id: "r", type: "CAUSES", from: "a", to: "b", qualifiers: {}, evidence: [] }]);
    expect(text).not.toContain("qualifiers");
    expect(text).toContain("evidence: []");
  });
});

describe("seed file layout", () => {
  let curated: KnowledgeGraph;
  let base: BaseSeedFile[];
  beforeAll(async () => {
    curated = await curatedGraph();
    base = await readBaseSeedFiles(SEED_DIR);
  });
  const text = (files: { name: string; text: string }[], name: string) => files.find((f) => f.name === name)?.text;

  it("reproduces graph-seed/ byte for byte from the validated graph, with graph-seed/ as the base", async () => {
    const files = layoutSeedFiles(graphToSeedDatasets(curated, baseSeedHints(base)), base);
    expect(files.map((f) => `${f.dataset}/${f.name}`)).toEqual(base.map((f) => `${f.dataset}/${f.name}`));
    for (const f of files) expect(f.text, f.name).toBe(await readFile(path.join(SEED_DIR, f.dataset, f.name), "utf8"));
  });

  it("without a base, loses the attributions, which only the base knows", () => {
    const files = layoutSeedFiles(graphToSeedDatasets(curated));
    expect(text(files, "sources.yaml")).not.toContain("attributions");
    expect(text(layoutSeedFiles(graphToSeedDatasets(curated, baseSeedHints(base))), "sources.yaml")).toContain("attributions:");
  });

  it("appends a new concept to the end of its dataset's concepts file and rewrites a changed one in place", () => {
    const template = curated.concepts.find((c) => c.id === "ice-therapy")!;
    const added: Concept = { ...template, id: "heat-therapy", name: "Heat on the back", synonyms: [], xrefs: [] };
    const changed = curated.concepts.map((c) => (c.id === "walking" ? { ...c, synonyms: [...c.synonyms, "strolling"] } : c));
    const files = layoutSeedFiles(graphToSeedDatasets({ ...curated, concepts: [...changed, added] }, baseSeedHints(base)), base);
    const before = base.find((f) => f.name === "concepts.yaml")!.text;
    const after = text(files, "concepts.yaml")!;
    expect(after.startsWith(before.slice(0, before.indexOf("  - id: walking")))).toBe(true);
    expect(after.endsWith("\n  - id: heat-therapy\n    kind: treatment\n    modality: self_care\n    name: Heat on the back\n" + after.slice(after.indexOf("    summary: Applying ice", after.indexOf("id: heat-therapy"))))).toBe(true);
    const walking = after.slice(after.indexOf("  - id: walking"));
    expect(walking.slice(0, walking.indexOf("\n\n"))).toContain(", strolling]");
    // One blank line and the seven lines of the new entry; the changed entry keeps its line count.
    expect(after.split("\n").length).toBe(before.split("\n").length + 1 + 7);
  });

  it("places a source without a hint in the first dataset that refers to it", () => {
    const moved = { ...curated, concepts: curated.concepts.map((c) => ({ ...c, dataset: "b-dataset" })), relations: curated.relations.map((r) => ({ ...r, dataset: "b-dataset" })), tours: [] };
    const datasets = graphToSeedDatasets({ ...moved, concepts: [...moved.concepts.slice(1), { ...moved.concepts[0]!, dataset: "a-dataset" }] });
    expect(datasets.map((d) => [d.name, d.sources.map((s) => s.id)])).toEqual([
      ["a-dataset", ["back-spasm-article"]],
      ["b-dataset", ["cedars-sinai", "sports-injury-bulletin"]],
    ]);
  });
});

describe("writing a seed folder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kg-seed-folder-"));
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  const files = [
    { dataset: "d", name: "sources.yaml", text: "sources: []\n" },
    { dataset: "d", name: "concepts.yaml", text: "concepts: []\n" },
    { dataset: "d", name: "relations.yaml", text: "relations: []\n" },
  ];
  const failingOnThird = () => {
    let calls = 0;
    return async (file: string, text: string | Iterable<string>) => {
      if (++calls === 3) throw new Error("disk full");
      await writeFile(file, typeof text === "string" ? text : [...text].join(""));
    };
  };

  it("leaves nothing behind when a write fails half-way", async () => {
    const out = path.join(dir, "half");
    await expect(writeSeedFolder(out, files, { force: false, writeFile: failingOnThird() })).rejects.toThrow("disk full");
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps the old folder whole when a forced replacement fails half-way", async () => {
    const out = path.join(dir, "kept");
    await mkdir(out);
    await writeFile(path.join(out, "old.yaml"), "old\n");
    await expect(writeSeedFolder(out, files, { force: true, writeFile: failingOnThird() })).rejects.toThrow("disk full");
    expect(await readdir(dir)).toEqual(["kept"]);
    expect(await readdir(out)).toEqual(["old.yaml"]);
    await rm(out, { recursive: true });
  });

  it("writes nothing when the check finds something, and returns the finding", async () => {
    const out = path.join(dir, "checked");
    expect(await writeSeedFolder(out, files, { force: false, check: async (temp) => (await readdir(path.join(temp, "d"))).sort() })).toEqual([
      "concepts.yaml",
      "relations.yaml",
      "sources.yaml",
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses a folder with files, accepts an empty one, and never writes outside the folder", async () => {
    const out = path.join(dir, "target");
    await mkdir(out);
    expect(await writeSeedFolder(out, files, { force: false })).toBeNull();
    expect(await readdir(path.join(out, "d"))).toHaveLength(3);
    await expect(writeSeedFolder(out, files, { force: false })).rejects.toThrow(OutputFolderNotEmptyError);
    await expect(writeSeedFolder(path.join(dir, "escape"), [{ dataset: "..", name: "x.yaml", text: "" }], { force: false })).rejects.toThrow("not a plain folder");
    expect((await readdir(dir)).sort()).toEqual(["target"]);
    await rm(out, { recursive: true });
  });

  it("carries a replaced folder's other files over and drops its old seed files", async () => {
    const out = path.join(dir, "seed");
    await mkdir(path.join(out, "d"), { recursive: true });
    await mkdir(path.join(out, "gone"));
    await writeFile(path.join(out, "README.md"), "about the seed\n");
    await writeFile(path.join(out, "d", "notes.txt"), "curator notes\n");
    await writeFile(path.join(out, "d", "concepts-extra.yaml"), "concepts: []\n");
    await writeFile(path.join(out, "gone", "relations.json"), "{}\n");
    expect(await writeSeedFolder(out, files, { force: true })).toBeNull();
    expect((await readdir(out)).sort()).toEqual(["README.md", "d"]);
    expect((await readdir(path.join(out, "d"))).sort()).toEqual(["concepts.yaml", "notes.txt", "relations.yaml", "sources.yaml"]);
    expect(await readFile(path.join(out, "README.md"), "utf8")).toBe("about the seed\n");
    await rm(out, { recursive: true });
  });
});

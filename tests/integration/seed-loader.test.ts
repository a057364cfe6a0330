import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { CONCEPT_KINDS } from "../../src/domain/concept-kind.js";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { RELATION_TYPES } from "../../src/domain/relation-type.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { loadGraph, readGraphCounts } from "../../src/neo4j/seed-loader.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { SOURCE_TEXT_DIR, loadCuratedGraph, neo4jConnection, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";
import { seedCopyWith } from "../support/seed-fixtures.js";

const run = promisify(execFile);

/** Runs `npm run seed` as a user would, against the test database and the given seed folder. */
async function runSeedCommand(seedDir: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  if (neo4jConnection === null) throw new Error("no Neo4j");
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src/cli/seed.cli.ts"), ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: neo4jConnection.uri,
        NEO4J_USER: neo4jConnection.user,
        NEO4J_PASSWORD: neo4jConnection.password,
        SEED_DIR: seedDir,
        SOURCE_TEXT_DIR,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(noNeo4j)("seed loader against a real Neo4j", () => {
  let executor: Neo4jExecutor;
  let graph: KnowledgeGraph;

  beforeAll(async () => {
    executor = testExecutor();
    graph = await loadCuratedGraph(executor);
  });

  afterAll(async () => {
    await executor.close();
  });

  it("stores exactly the concepts, relations, evidence and sources the seed files declare", async () => {
    const counts = await readGraphCounts(executor);
    const expectedKinds = Object.fromEntries(CONCEPT_KINDS.map((k) => [k, graph.concepts.filter((c) => c.kind === k).length]));
    const expectedTypes = Object.fromEntries(RELATION_TYPES.map((t) => [t, graph.relations.filter((r) => r.type === t).length]));
    expect(counts.conceptsByKind).toEqual(expectedKinds);
    expect(counts.relationsByType).toEqual(expectedTypes);
    expect(counts.concepts).toBe(45);
    expect(counts.relations).toBe(66);
    expect(counts.evidence).toBe(graph.relations.reduce((n, r) => n + r.evidence.length, 0));
    expect(counts.sources).toBe(3);
  });

  it("changes nothing when the same seed is loaded a second time", async () => {
    const before = await graphFingerprint(executor);
    const report = await loadGraph(executor, graph, { reset: false });
    expect(report.counters).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, labelsAdded: 0, labelsRemoved: 0 });
    expect(await graphFingerprint(executor)).toEqual(before);
    expect(report.conceptsNotInSeed).toBe(0);
  });

  it("follows the chain sports injury → disc dislodgement → disc on ligament → pain → reflex contraction → spasm", async () => {
    const rows = await executor.read({
      cypher: `
        MATCH p = (:Concept {id: 'sports-back-injury'})-[:CAUSES]->(:Concept {id: 'disc-dislodgement'})
                  -[:PRECEDES]->(:Concept {id: 'disc-presses-on-ligament'})-[:CAUSES]->(:Concept {id: 'back-pain'})
                  -[:CAUSES]->(:Concept {id: 'reflex-muscle-contraction'})-[:CAUSES]->(:Concept {id: 'back-muscle-spasm'})
        RETURN [n IN nodes(p) | n.kind] AS kinds`,
      params: {},
    });
    expect(rows).toEqual([{ kinds: ["cause", "mechanism", "mechanism", "symptom", "mechanism", "condition"] }]);
  });

  it("leads each of the four causes into the same mechanism chain to the spasm", async () => {
    const rows = await executor.read({
      cypher: `
        MATCH (cause:Cause)-[:CAUSES]->(:Mechanism {id: 'disc-dislodgement'})-[:PRECEDES]->(:Mechanism {id: 'disc-presses-on-ligament'})
              -[:CAUSES]->(:Symptom {id: 'back-pain'})-[:CAUSES]->(:Mechanism {id: 'reflex-muscle-contraction'})-[:CAUSES]->(:Condition {id: 'back-muscle-spasm'})
        RETURN cause.id AS id ORDER BY id`,
      params: {},
    });
    expect(rows.map((r) => r["id"])).toEqual(["ligament-strain", "localised-infection", "sports-back-injury", "tumour-near-muscle"]);
  });

  it("gives every relation evidence whose span lies inside the source text and its section", async () => {
    const text = await readFile(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");
    const rows = await executor.read({
      cypher: `
        MATCH (a:Concept)-[r]->(b:Concept)
        OPTIONAL MATCH (e:Evidence {relationId: r.id})-[:IN_SOURCE]->(s:Source)-[:HAS_SECTION]->(sec:Section {id: e.sectionId})
        RETURN r.id AS relation, r.evidenceCount AS declared,
               collect({start: e.start, end: e.end, claim: e.claim, sectionStart: sec.start, sectionEnd: sec.end, length: s.length}) AS evidence`,
      params: {},
    });
    expect(rows).toHaveLength(66);
    for (const row of rows) {
      const evidence = (row["evidence"] as Record<string, number>[]).filter((e) => e["start"] !== null);
      expect(evidence.length, `relation ${String(row["relation"])}`).toBeGreaterThan(0);
      expect(evidence.length).toBe(row["declared"]);
      for (const e of evidence) {
        const [start, end] = [e["start"] ?? -1, e["end"] ?? -1];
        expect(start).toBeGreaterThanOrEqual(e["sectionStart"] ?? Infinity);
        expect(end).toBeLessThanOrEqual(e["sectionEnd"] ?? -1);
        expect(end).toBeLessThanOrEqual(text.length);
        expect(text.slice(start, end).trim().length).toBe(end - start);
      }
    }
  });

  it("records which claims the article attributes to Sports Injury Bulletin and Cedars-Sinai", async () => {
    const rows = await executor.read({
      cypher: `MATCH (e:Evidence)-[:ATTRIBUTED_TO]->(s:Source) RETURN s.id AS source, e.relationId AS relation ORDER BY source, relation`,
      params: {},
    });
    expect(rows.map((r) => `${String(r["source"])}: ${String(r["relation"])}`)).toEqual([
      "cedars-sinai: exercising-through-pain-overloads-muscles",
      "cedars-sinai: pain-during-exercise-occurs-in-exercise",
      "cedars-sinai: pain-during-exercise-warrants-stopping",
      "cedars-sinai: stopping-exercise-prevents-overload",
      "cedars-sinai: warning-pain-during-exercise",
      "sports-injury-bulletin: spasm-restricts-spinal-motion",
      "sports-injury-bulletin: stiffness-in-spine",
    ]);
  });

  it("keeps concepts that are not in the seed unless --reset is given", async () => {
    await executor.writeAll([{ cypher: "CREATE (:Concept {id: 'stray-concept', kind: 'symptom', name: 'Stray'})", params: {} }]);
    const kept = await loadGraph(executor, graph, { reset: false });
    expect(kept.conceptsNotInSeed).toBe(1);
    const reset = await loadGraph(executor, graph, { reset: true });
    expect(reset.conceptsNotInSeed).toBe(0);
    expect(reset.counts.concepts).toBe(45);
  });

  const invalidSeeds: [string, string, (t: string) => string, RegExp][] = [
    ["a dangling reference", "relations.yaml", (t) => t.replace("    to: disc-dislodgement\n", "    to: disc-explosion\n"), /entry "sports-injury-dislodges-disc" field "to": unknown concept "disc-explosion"/],
    ["a duplicate id", "concepts.yaml", (t) => t.replace("  - id: walking\n", "  - id: exercise\n"), /entry "exercise" field "id": duplicate concept id/],
    ["an unknown kind", "concepts.yaml", (t) => t.replace("    kind: activity\n", "    kind: pastime\n"), /entry "sports-participation" field "kind": Invalid option: expected one of "condition"/],
    ["an unknown relation type", "relations.yaml", (t) => t.replace("    type: REDUCES\n", "    type: SOOTHES\n"), /entry "anti-inflammatories-reduce-swelling" field "type": Invalid option/],
    ["a span outside the source", "relations.yaml", (t) => t.replace("span: [2678, 2794]", "span: [2678, 2999]"), /entry "stretching-prevents-spasm" field "evidence\[0\]\.span": span \[2678, 2999\] lies outside the source text \(2794 characters\)/],
    ["a tour step naming an unknown concept", "tours.yaml", (t) => t.replace("focus: disc-presses-on-ligament\n", "focus: disc-pressing\n"), /entry "sports-injury-to-spasm" field "steps\[3\]\.focus": step 4 \("The disc meets a ligament"\): unknown concept "disc-pressing"/],
  ];

  it.each(invalidSeeds)("rejects a seed with %s, says where, and writes nothing", async (_name, file, edit, message) => {
    const before = await graphFingerprint(executor);
    const dir = await seedCopyWith(`back-muscle-spasm/${file}`, edit);
    const result = await runSeedCommand(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(result.stderr).toMatch(new RegExp(`back-muscle-spasm/${file.replace(".", "\\.")}:\\d+ ${message.source}`));
    expect(await graphFingerprint(executor)).toEqual(before);
  });

  it("loads through the seed command and prints counts per kind and per relation type", async () => {
    const result = await runSeedCommand(path.join(REPO_ROOT, "graph-seed"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Seed is valid: 45 concepts, 66 relations, 71 evidence records, 3 sources\./);
    expect(result.stdout).toMatch(/Changes: 0 nodes created, 0 deleted; 0 relationships created, 0 deleted/);
    expect(result.stdout).toMatch(/Concepts per kind:\n {2}condition +2\n/);
    expect(result.stdout).toMatch(/ {2}CAUSES +\d+\n/);
  });
});

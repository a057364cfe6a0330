import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { validateSeed } from "../../src/domain/seed-validator.js";
import { measureShape } from "../../src/generate/graph-shape.js";
import { syntheticSeedInput } from "../../src/generate/seed-input.js";
import { generateSyntheticSeed } from "../../src/generate/synthetic-seed.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { fullScans } from "../../src/neo4j/query-plan.js";
import { loadGraph } from "../../src/neo4j/seed-loader.js";
import { curatedGraph, loadCuratedGraph, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";
import { readQueryCases, type CaseIds, type ReadQueryCase } from "../support/read-query-cases.js";
import type { ConceptViewName } from "../../src/domain/concept-views.js";
import type { EvidenceFilter } from "../../src/domain/evidence-filter.js";
import { CAUSAL_RELATION_TYPES } from "../../src/domain/relation-type.js";
import { compileReadPlan } from "../../src/neo4j/cypher/read-plan.compiler.js";
import { EVIDENCE_ONLY, RECORD_ONLY, type ConceptSelection, type LinkPlan, type ReadPlan, type RelationSelection } from "../../src/plan/read-plan.js";

/** Labels whose every node no read may visit: they grow with the graph. */
const LARGE_LABELS = ["Concept", "Evidence"];

/**
 * Reads allowed to scan, with the operator that does it: none today. An entry here would have to name a
 * read whose statement cannot start from an index, and say why.
 */
const KNOWN_SCANS: Readonly<Record<string, readonly string[]>> = {};

const leaf: ConceptSelection = { properties: ["id", "kind", "name"], links: [] };
const FILTER: EvidenceFilter = { sources: ["no-such-source"], knowledgeLevels: ["knowledge_assertion"], agentTypes: null };
const view = (key: string, name: ConceptViewName, evidence: EvidenceFilter | null = null): LinkPlan => ({ link: "view", key, parentKinds: null, evidence, view: name, context: null, select: leaf });
/** A relation with its evidence (their sources and relation), filtered evidence and an end. */
const RELATION: RelationSelection = {
  evidenceLists: [
    { key: "evidence", evidence: null, select: { sources: true, relations: [{ key: "relation", select: RECORD_ONLY }] } },
    { key: "filtered", evidence: FILTER, select: EVIDENCE_ONLY },
  ],
  ends: [{ key: "from", end: "from", select: leaf }],
};
/** A concept with every kind of link, some filtered. */
const OVERVIEW: ConceptSelection = {
  properties: ["id", "kind", "name", "summary", "xrefs", "mentions"],
  links: [
    view("causedBy", "causedBy"),
    view("leadsTo", "leadsTo", FILTER),
    view("causes", "upstreamCauses", FILTER),
    { link: "interventions", key: "interventions", parentKinds: null, evidence: FILTER, context: "at_rest", treatment: leaf, relation: RELATION },
    { link: "treatmentOptions", key: "treatments", parentKinds: ["condition"], evidence: FILTER, treatment: leaf, target: leaf, relation: RECORD_ONLY },
  ],
};

/** The statement of every kind of read plan, with rich selections and evidence filters, built by the real compiler. */
function planCases(ids: CaseIds): ReadQueryCase[] {
  const plans: Record<string, ReadPlan> = {
    concept: { root: "concept", id: ids.concept, select: OVERVIEW },
    "causal paths, filtered": { root: "paths", request: { from: ids.from, to: ids.to, types: CAUSAL_RELATION_TYPES, maxHops: 6, directed: true, limit: 5, evidence: FILTER }, nodes: leaf, relations: RELATION },
    "neighbourhood, filtered": { root: "neighborhood", request: { conceptId: ids.concept, depth: 2, direction: "both", types: null, kinds: null, evidence: FILTER }, center: OVERVIEW, nodes: leaf },
    relation: { root: "relation", id: ids.relation, select: RELATION },
    "explanation, filtered": { root: "explain", request: { to: ids.condition, types: CAUSAL_RELATION_TYPES, maxHops: 8, limit: 20, context: "at_rest", evidence: FILTER }, concepts: OVERVIEW, relations: RELATION },
    "search everything": { root: "searchAll", request: { terms: ["spasm"], targets: ["concept", "source", "evidence"], limit: 20 }, claims: { sources: true, relations: [{ key: "relation", select: RELATION }] } },
    "one tour": { root: "tours", ids: ["no-such-tour"], concepts: OVERVIEW, relations: RELATION },
    "every tour": { root: "tours", ids: null, concepts: leaf, relations: RELATION },
  };
  return Object.entries(plans).map(([name, plan]) => ({ name: `plan: ${name}`, query: compileReadPlan(plan) }));
}

function generatedIds(graph: KnowledgeGraph): CaseIds {
  const kindOf = new Map(graph.concepts.map((c) => [c.id, c.kind]));
  const causal = graph.relations.find((r) => r.type === "CAUSES" && kindOf.get(r.to) === "condition");
  if (causal === undefined) throw new Error("the generated graph has no cause of a condition");
  return { concept: causal.to, from: causal.from, to: causal.to, condition: causal.to, relation: causal.id, source: graph.sources[0]!.id };
}

describe.skipIf(noNeo4j)("query plans of every read the API sends, read plans' statements included", () => {
  let executor: Neo4jExecutor;
  let ids: CaseIds;

  beforeAll(async () => {
    executor = testExecutor();
    // Enough concepts that the planner's statistics look like a real graph (a 46-node graph makes every scan cheap).
    const validated = validateSeed(syntheticSeedInput(generateSyntheticSeed(measureShape(await curatedGraph()), { concepts: 6000, seed: 5 })));
    if (!validated.ok) throw new Error("generated seed is invalid");
    await loadCuratedGraph(executor);
    await loadGraph(executor, validated.graph, { reset: true, batched: true });
    // Neo4j replans once its statistics change enough; ask it to refresh them now.
    await executor.runSchemaStatement({ cypher: "CALL db.resampleOutdatedIndexes()", params: {} });
    ids = generatedIds(validated.graph);
  }, 600_000);

  afterAll(async () => {
    await loadCuratedGraph(executor);
    await executor.close();
  });

  it("start every read from an index, never from all nodes or all concepts or claims", async () => {
    const scans: Record<string, string[]> = {};
    for (const c of [...readQueryCases(ids), ...planCases(ids)]) {
      const found = fullScans(await executor.explain(c.query), LARGE_LABELS);
      if (found.length > 0 || c.name in KNOWN_SCANS) scans[c.name] = found.map((f) => f.operator);
    }
    expect(scans).toEqual(KNOWN_SCANS);
    // Planning the read plans' statements (large on purpose) takes seconds each on a busy machine.
  }, 600_000);

  it("flag a statement that reads every concept (the check itself can fail)", async () => {
    const found = fullScans(await executor.explain({ cypher: "MATCH (c:Concept) WHERE c.summary CONTAINS $t RETURN c.id", params: { t: "x" } }), LARGE_LABELS);
    expect(found.map((f) => f.operator)).toEqual(["NodeByLabelScan"]);
    const all = fullScans(await executor.explain({ cypher: "MATCH (n) WHERE n.id = $id RETURN n", params: { id: "x" } }), LARGE_LABELS);
    expect(all.map((f) => f.operator)).toEqual(["AllNodesScan"]);
  });
});

import { parse as parseGraphml } from "graphology-graphml/node/index.js";
import { MultiDirectedGraph } from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { RELATION_TYPE_INFO } from "../../src/domain/relation-type.js";
import type { ExportFile } from "../../src/export/export-file.js";
import { EXPORT_FORMATS, exportFiles } from "../../src/export/export-formats.js";
import { readKgx } from "../../src/export/kgx.reader.js";
import { readNeo4jCsv } from "../../src/export/neo4j-csv.reader.js";
import { tsvCell } from "../../src/export/text-cells.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import type { GraphStatsRecord } from "../../src/store/store.types.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

const text = (files: readonly ExportFile[], name: string): string => {
  const file = files.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no file ${name} in ${files.map((f) => f.name).join(", ")}`);
  return file.text;
};
const lines = (t: string): string[] => t.split("\n").filter((l) => l !== "");

/** The graph ordered by id everywhere, so two graphs compare regardless of list order. */
const byId = (g: KnowledgeGraph) => {
  const sort = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sources: sort(g.sources), concepts: sort(g.concepts), relations: sort(g.relations) };
};

describe("export formats over the curated graph", () => {
  let graph: KnowledgeGraph;
  let stats: GraphStatsRecord;
  beforeAll(async () => {
    graph = await curatedGraph();
    stats = await InMemoryKnowledgeStore.fromGraph(graph).stats();
  });

  it("KGX has one node per concept and one edge per relation, in TSV and JSON Lines, as graphStats counts them", () => {
    const files = exportFiles("kgx", graph, {});
    expect(files.map((f) => f.name)).toEqual(["nodes.tsv", "edges.tsv", "nodes.jsonl", "edges.jsonl", "sources.json"]);
    expect(lines(text(files, "nodes.tsv")).length - 1).toBe(stats.concepts);
    expect(lines(text(files, "edges.tsv")).length - 1).toBe(stats.relations);
    expect(lines(text(files, "nodes.jsonl")).length).toBe(stats.concepts);
    expect(lines(text(files, "edges.jsonl")).length).toBe(stats.relations);
    expect(JSON.parse(text(files, "sources.json")).sources).toHaveLength(stats.sources);
  });

  it("KGX edges carry the Biolink predicate (the broader one where ours is kg:), knowledge level, agent type, source and evidence", () => {
    const edges = lines(text(exportFiles("kgx", graph, {}), "edges.jsonl")).map((l) => JSON.parse(l));
    for (const relation of graph.relations) {
      const edge = edges.find((e) => e.id === `schema:${relation.id}`);
      expect(edge.predicate).toBe(RELATION_TYPE_INFO[relation.type].biolinkPredicate);
      expect(edge.predicate.startsWith("biolink:")).toBe(true);
      expect(edge.kg_type).toBe(relation.type);
      expect(edge.knowledge_level).toBe(relation.evidence[0]!.knowledgeLevel);
      expect(edge.agent_type).toBe(relation.evidence[0]!.agentType);
      expect(edge.primary_knowledge_source).toBe(`infores:${relation.evidence[0]!.sourceId}`);
      const evidence = edge.kg_evidence.map((e: string) => JSON.parse(e));
      expect(evidence.map((e: { claim: string }) => e.claim)).toEqual(relation.evidence.map((e) => e.claim));
      expect(evidence.map((e: { locator: string }) => e.locator)).toEqual(
        relation.evidence.map((e) => `${e.locator.sourceId}#${e.locator.sectionId}@${e.locator.start}-${e.locator.end}`),
      );
    }
    const broader = graph.relations.find((r) => RELATION_TYPE_INFO[r.type].match === "broader");
    expect(broader).toBeDefined();
    expect(edges.some((e) => String(e.predicate).startsWith("kg:"))).toBe(false);
  });

  it("KGX nodes carry the Biolink category and the xrefs", () => {
    const nodes = lines(text(exportFiles("kgx", graph, {}), "nodes.jsonl")).map((l) => JSON.parse(l));
    const withXrefs = graph.concepts.filter((c) => c.xrefs.length > 0);
    expect(withXrefs.length).toBeGreaterThan(0);
    for (const concept of withXrefs) {
      const node = nodes.find((n) => n.id === `schema:${concept.id}`);
      expect(node.xref).toEqual(concept.xrefs.map((x) => x.curie));
      expect(node.category).toHaveLength(1);
      expect(node.category[0]).toMatch(/^biolink:[A-Z]/);
    }
  });

  it("reads its KGX back, TSV and JSON Lines alike, into the same graph", () => {
    const files = exportFiles("kgx", graph, {});
    for (const form of ["tsv", "jsonl"] as const) {
      const read = readKgx({ form, nodes: text(files, `nodes.${form}`), edges: text(files, `edges.${form}`), sources: text(files, "sources.json") });
      if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
      expect(byId(read.graph)).toEqual(byId(graph));
    }
  });

  it("carries each evidence's reasoning, the course qualifier and LIMITS links through KGX, GraphML, Cytoscape and CSV", () => {
    const reasoned = graph.relations.flatMap((r) => r.evidence).filter((e) => e.reasoning !== null);
    const coursed = graph.relations.filter((r) => r.qualifiers.course !== undefined);
    const limits = graph.relations.filter((r) => r.type === "LIMITS");
    expect(reasoned.length * coursed.length * limits.length).toBeGreaterThan(0);
    const kgxEdges = lines(text(exportFiles("kgx", graph, {}), "edges.jsonl")).map((l) => JSON.parse(l));
    const kgxEvidence = kgxEdges.flatMap((e) => e.kg_evidence.map((x: string) => JSON.parse(x)));
    for (const e of reasoned) expect(kgxEvidence.find((x) => x.id === e.id)?.reasoning).toBe(e.reasoning);
    for (const r of coursed) expect(kgxEdges.find((e) => e.id === `schema:${r.id}`)?.kg_course).toBe(r.qualifiers.course);
    for (const r of limits) expect(kgxEdges.find((e) => e.id === `schema:${r.id}`)?.predicate).toBe("biolink:related_to");
    const parsed = parseGraphml(MultiDirectedGraph, text(exportFiles("graphml", graph, {}), "graph.graphml"));
    const cyEdges = JSON.parse(text(exportFiles("cytoscape", graph, {}), "graph.cyjs")).elements.edges.map((e: { data: Record<string, string> }) => e.data);
    for (const r of coursed) {
      expect(parsed.getEdgeAttribute(r.id, "course")).toBe(r.qualifiers.course);
      expect(cyEdges.find((d: Record<string, string>) => d["id"] === r.id)?.["course"]).toBe(r.qualifiers.course);
    }
    for (const r of graph.relations.filter((x) => x.evidence.some((e) => e.reasoning !== null))) {
      const reasons = JSON.parse(parsed.getEdgeAttribute(r.id, "evidence")).map((e: { reasoning: string | null }) => e.reasoning);
      expect(reasons).toEqual(r.evidence.map((e) => e.reasoning));
    }
    const evidence = readNeo4jCsv(text(exportFiles("csv", graph, {}), "evidence.csv"));
    if (evidence.kind !== "nodes") throw new Error("evidence.csv is not a node file");
    for (const e of reasoned) expect(evidence.rows.find((row) => row.id === e.id)?.properties.find((p) => p.name === "reasoning")?.value).toBe(e.reasoning);
    const relations = readNeo4jCsv(text(exportFiles("csv", graph, {}), "relations.csv"));
    expect(relations.kind === "relationships" && relations.rows.filter((row) => row.type === "LIMITS")).toHaveLength(limits.length);
  });

  it("refuses a KGX import that is not a valid graph, naming the problem", () => {
    const files = exportFiles("kgx", graph, {});
    const edges = text(files, "edges.jsonl").replace(/"kg_type":"CAUSES"/, '"kg_type":"HEALS"');
    const read = readKgx({ form: "jsonl", nodes: text(files, "nodes.jsonl"), edges, sources: text(files, "sources.json") });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.some((i) => JSON.stringify(i).includes("type"))).toBe(true);
  });

  it("GraphML parses with graphology's GraphML reader into the same nodes, edges and attributes", () => {
    const parsed = parseGraphml(MultiDirectedGraph, text(exportFiles("graphml", graph, {}), "graph.graphml"));
    expect(parsed.order).toBe(stats.concepts);
    expect(parsed.size).toBe(stats.relations);
    expect(parsed.type).toBe("directed");
    for (const concept of graph.concepts) {
      expect(parsed.getNodeAttribute(concept.id, "label")).toBe(concept.name);
      expect(parsed.getNodeAttribute(concept.id, "kind")).toBe(concept.kind);
    }
    for (const relation of graph.relations) {
      expect(parsed.source(relation.id)).toBe(relation.from);
      expect(parsed.target(relation.id)).toBe(relation.to);
      expect(parsed.getEdgeAttribute(relation.id, "type")).toBe(relation.type);
      expect(parsed.getEdgeAttribute(relation.id, "evidence_count")).toBe(relation.evidence.length);
      expect(JSON.parse(parsed.getEdgeAttribute(relation.id, "evidence")).map((e: { claim: string }) => e.claim)).toEqual(relation.evidence.map((e) => e.claim));
    }
  });

  it("Cytoscape JSON has one element per concept and relation, with source, target and interaction", () => {
    const doc = JSON.parse(text(exportFiles("cytoscape", graph, {}), "graph.cyjs"));
    expect(doc.elements.nodes).toHaveLength(stats.concepts);
    expect(doc.elements.edges).toHaveLength(stats.relations);
    const ids = new Set(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id));
    for (const edge of doc.elements.edges) {
      expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
      expect(graph.relations.find((r) => r.id === edge.data.id)?.type).toBe(edge.data.interaction);
    }
  });

  it("neo4j-admin CSV holds one concept row per concept and one relation row per relation, by header type", () => {
    const files = exportFiles("csv", graph, {});
    const concepts = readNeo4jCsv(text(files, "concepts.csv"));
    const relations = readNeo4jCsv(text(files, "relations.csv"));
    expect(concepts.kind === "nodes" && concepts.rows.length).toBe(stats.concepts);
    expect(relations.kind === "relationships" && relations.rows.length).toBe(stats.relations);
    expect(readNeo4jCsv(text(files, "evidence.csv")).rows).toHaveLength(stats.evidence);
    expect(readNeo4jCsv(text(files, "sources.csv")).rows).toHaveLength(stats.sources);
    if (concepts.kind !== "nodes") throw new Error("concepts.csv is not a node file");
    const spasm = concepts.rows.find((r) => r.id === "back-muscle-spasm");
    expect(spasm?.labels).toEqual(["Concept", "Condition"]);
    expect(spasm?.properties.find((p) => p.name === "synonyms")?.type).toBe("string[]");
    expect(text(files, "import.sh")).toContain("neo4j-admin database import full neo4j");
  });

  it("writes byte-identical files for the same graph, and the graph version only once there is one", () => {
    for (const format of EXPORT_FORMATS) {
      const first = exportFiles(format, graph, {});
      expect(exportFiles(format, graph, {})).toEqual(first);
      expect(first.some((f) => f.text.includes("graph_version"))).toBe(false);
    }
    expect(text(exportFiles("graphml", graph, { graphVersion: "v7" }), "graph.graphml")).toContain('<data key="g_graph_version">v7</data>');
    expect(JSON.parse(text(exportFiles("cytoscape", graph, { graphVersion: "v7" }), "graph.cyjs")).data.graph_version).toBe("v7");
    expect(JSON.parse(text(exportFiles("kgx", graph, { graphVersion: "v7" }), "sources.json")).graph_version).toBe("v7");
  });

  it("refuses to write a TSV cell that would break the line structure", () => {
    expect(() => tsvCell("a\tb")).toThrow(/TSV/);
    expect(() => tsvCell("a\nb")).toThrow(/TSV/);
    expect(tsvCell("a b")).toBe("a b");
  });
});

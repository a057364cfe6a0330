import { MultiDirectedGraph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml/node/index.js";
import { expect } from "vitest";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

const file = (files: { name: string; text: string }[], name: string): string => {
  const found = files.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no ${name} among ${files.map((f) => f.name).join(", ")}`);
  return found.text;
};
const jsonLines = (text: string): any[] => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));

export const exportCases: ContractCase<any>[] = [
  operation<{ causalPathways: any }>(
    "exports the causal pathways it found as GraphML holding exactly their concepts and relations",
    `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") {
        paths { nodes { id } relations { id } }
        export(format: GRAPHML) { name mediaType text }
    } }`,
    undefined,
    (r) => {
      const result = dataOf(r).causalPathways;
      expect(result.export.map((f: any) => [f.name, f.mediaType])).toEqual([["graph.graphml", "application/graphml+xml; charset=utf-8"]]);
      const graph = parseGraphml(MultiDirectedGraph, result.export[0].text);
      const nodes = new Set(result.paths.flatMap((p: any) => p.nodes.map((n: any) => n.id)));
      const edges = new Set(result.paths.flatMap((p: any) => p.relations.map((e: any) => e.id)));
      expect(new Set(graph.nodes())).toEqual(nodes);
      expect(new Set(graph.edges())).toEqual(edges);
    },
  ),

  operation<{ neighborhood: any }>(
    "exports a neighbourhood page as KGX with one node per page node and one edge per page edge",
    `{ neighborhood(id: "disc-dislodgement", depth: 1) {
        nodes { id } edges { id }
        export(format: KGX) { name text }
    } }`,
    undefined,
    (r) => {
      const n = dataOf(r).neighborhood;
      expect(n.export.map((f: any) => f.name)).toEqual(["nodes.tsv", "edges.tsv", "nodes.jsonl", "edges.jsonl", "sources.json"]);
      expect(jsonLines(file(n.export, "nodes.jsonl")).map((x) => x.id).sort()).toEqual(n.nodes.map((x: any) => `schema:${x.id}`).sort());
      expect(jsonLines(file(n.export, "edges.jsonl")).map((x) => x.id).sort()).toEqual(n.edges.map((x: any) => `schema:${x.id}`).sort());
    },
  ),

  operation<{ explain: any }>(
    "exports an explanation as Cytoscape JSON with its chains and the treatments acting on them",
    `{ explain(id: "back-muscle-spasm") {
        target { id }
        chains { steps { concept { id } } }
        targetInterventions { treatment { id } relation { id } }
        export(format: CYTOSCAPE) { text }
    } }`,
    undefined,
    (r) => {
      const e = dataOf(r).explain;
      const doc = JSON.parse(e.export[0].text);
      const nodeIds = new Set(doc.elements.nodes.map((x: any) => x.data.id));
      const edgeIds = new Set(doc.elements.edges.map((x: any) => x.data.id));
      expect(nodeIds.has(e.target.id)).toBe(true);
      for (const chain of e.chains) for (const step of chain.steps) expect(nodeIds.has(step.concept.id)).toBe(true);
      expect(e.targetInterventions.length).toBeGreaterThan(0);
      for (const i of e.targetInterventions) {
        expect(nodeIds.has(i.treatment.id)).toBe(true);
        expect(edgeIds.has(i.relation.id)).toBe(true);
      }
      for (const edge of doc.elements.edges) expect(nodeIds.has(edge.data.source) && nodeIds.has(edge.data.target)).toBe(true);
    },
  ),

  operation(
    "rejects an unknown export format as a bad request",
    `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { export(format: PDF) { name } } }`,
    undefined,
    (r) => {
      expect(onlyError(r).extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    },
  ),
];

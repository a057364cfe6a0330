import { expect } from "vitest";
import type { GraphQLResponse } from "../support/graphql-client.js";
import { type ContractCase, dataOf, operation } from "./contract-case.js";

const CHAIN = ["sports-back-injury", "disc-dislodgement", "disc-presses-on-ligament", "back-pain", "reflex-muscle-contraction", "back-muscle-spasm"];

export const graphQuestionCases: ContractCase<any>[] = [
  operation<{ causalPathways: any }>(
    "returns the chain from sports injury to spasm with evidence for every link",
    `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") {
        truncated
        paths { hops evidenceCount nodes { id }
          steps { forward from { id } to { id } relation { type evidence { claim locator { start end section { heading } } source { id } } } } }
    } }`,
    undefined,
    (r) => {
      const result = dataOf(r).causalPathways;
      expect(result.truncated).toBe(false);
      expect(result.paths).toHaveLength(1);
      const [path] = result.paths;
      expect(path.nodes.map((n: any) => n.id)).toEqual(CHAIN);
      expect(path.hops).toBe(5);
      expect(path.steps.map((s: any) => s.relation.type)).toEqual(["CAUSES", "PRECEDES", "CAUSES", "CAUSES", "CAUSES"]);
      expect(path.evidenceCount).toBe(6);
      for (const step of path.steps) {
        expect(step.forward).toBe(true);
        expect(step.relation.evidence.length).toBeGreaterThan(0);
        for (const e of step.relation.evidence) {
          expect(e.source.id).toBe("back-spasm-article");
          expect(e.locator.end).toBeGreaterThan(e.locator.start);
          expect(e.claim.length).toBeGreaterThan(10);
        }
      }
      expect(path.steps[0].relation.evidence[0].locator).toEqual({ start: 518, end: 821, section: { heading: "Back spasm symptoms" } });
    },
  ),

  {
    name: "finds one causal pathway to the spasm from each of the other three causes",
    run: (execute) =>
      Promise.all(
        ["tumour-near-muscle", "ligament-strain", "localised-infection"].map((from) =>
          execute<{ causalPathways: any }>(`query($from: ID!) { causalPathways(from: $from, to: "back-muscle-spasm") { paths { nodes { id } } } }`, { from }),
        ),
      ),
    check: (responses: any[]) => {
      for (const r of responses) {
        const paths = dataOf<{ causalPathways: any }>(r).causalPathways.paths;
        expect(paths).toHaveLength(1);
        expect(paths[0].nodes.map((n: any) => n.id).slice(1)).toEqual(CHAIN.slice(1));
      }
    },
  },

  operation<{ causalPathways: any }>(
    "returns nothing against the causal direction, and keeps within the hop and result limits",
    `{ all: causalPathways(from: "inflammatory-swelling", to: "radiating-back-pain", maxHops: 8) { truncated paths { hops evidenceCount nodes { id } } }
       one: causalPathways(from: "disc-dislodgement", to: "back-pain", maxHops: 8, limit: 1) { truncated paths { hops } }
       none: causalPathways(from: "back-muscle-spasm", to: "sports-back-injury") { truncated paths { hops } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.all.paths.map((p: any) => p.nodes.map((n: any) => n.id))).toEqual([["inflammatory-swelling", "back-pain", "nerve-pathway-spread", "radiating-back-pain"]]);
      expect(d.one).toEqual({ truncated: false, paths: [{ hops: 2 }] });
      expect(d.none).toEqual({ truncated: false, paths: [] });
    },
  ),

  operation<{ causalPathways: any }>(
    "follows only the relation types asked for",
    `{ onlyCauses: causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", relationTypes: [CAUSES]) { paths { hops } }
       withPrecedes: causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", relationTypes: [CAUSES, PRECEDES], maxHops: 5) { paths { hops } }
       tooShort: causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", maxHops: 4) { paths { hops } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.onlyCauses.paths).toEqual([]);
      expect(d.withPrecedes.paths).toEqual([{ hops: 5 }]);
      expect(d.tooShort.paths).toEqual([]);
    },
  ),

  operation<{ shortestPath: any }>(
    "finds the shortest path from ice to the spasm across relation directions, and none when restricted to causal links",
    `{ any: shortestPath(from: "ice-therapy", to: "back-muscle-spasm") { hops nodes { id } steps { forward relation { type } } }
       causalOnly: shortestPath(from: "ice-therapy", to: "back-muscle-spasm", relationTypes: [CAUSES, CONTRIBUTES_TO, PRECEDES], directed: true) { hops }
       directed: shortestPath(from: "sports-back-injury", to: "back-muscle-spasm", directed: true) { hops nodes { id } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.any.hops).toBe(3);
      expect(d.any.nodes.map((n: any) => n.id)).toEqual(["ice-therapy", "inflammatory-swelling", "back-pain", "back-muscle-spasm"]);
      expect(d.any.steps.map((s: any) => `${s.relation.type}${s.forward ? "" : " (against)"}`)).toEqual(["REDUCES", "CONTRIBUTES_TO", "HAS_SYMPTOM (against)"]);
      expect(d.causalOnly).toBeNull();
      expect(d.directed.nodes.map((n: any) => n.id)).toEqual(CHAIN);
    },
  ),

  operation<{ explain: any }>(
    "explains a spasm: the chains from each root cause and where each treatment acts",
    `{ explain(id: "back-muscle-spasm") {
        target { id } truncated
        targetInterventions { treatment { id } relation { type } }
        chains { root { id } hops evidenceCount
          steps { position concept { id } relationToNext { type }
            interventions { treatment { id } relation { type } target { id } viaRelation { id } } } }
    } }`,
    undefined,
    (r) => {
      const e = dataOf(r).explain;
      expect(e.target.id).toBe("back-muscle-spasm");
      expect(e.chains.map((c: any) => c.root.id)).toEqual(["inflammatory-swelling", "localised-infection", "ligament-strain", "sports-back-injury", "tumour-near-muscle"]);
      const sports = e.chains.find((c: any) => c.root.id === "sports-back-injury");
      expect(sports.steps.map((s: any) => s.concept.id)).toEqual(CHAIN);
      expect(sports.steps.map((s: any) => s.relationToNext?.type ?? null)).toEqual(["CAUSES", "PRECEDES", "CAUSES", "CAUSES", "CAUSES", null]);
      const actsAt = (id: string) =>
        sports.steps
          .find((s: any) => s.concept.id === id)
          .interventions.map((i: any) => `${i.treatment.id} ${i.relation.type} ${i.target.id}${i.viaRelation ? ` via ${i.viaRelation.id}` : ""}`);
      expect(actsAt("sports-back-injury")).toEqual(["refrain-from-sports PREVENTS sports-back-injury"]);
      expect(actsAt("disc-dislodgement")).toEqual([]);
      expect(actsAt("back-pain")).toEqual([
        "anti-inflammatory-drug AMELIORATES back-pain",
        "anti-inflammatory-drug REDUCES inflammatory-swelling via swelling-adds-to-pain",
        "avoid-aggravating-movement AMELIORATES back-pain",
        "ice-therapy REDUCES inflammatory-swelling via swelling-adds-to-pain",
        "sit-or-lie-down AMELIORATES back-pain",
      ]);
      expect(actsAt("back-muscle-spasm")).toEqual([
        "anti-inflammatory-drug TREATS back-muscle-spasm",
        "muscle-relaxant TREATS back-muscle-spasm",
        "stretching-and-exercise PREVENTS back-muscle-spasm",
        "refrain-from-sports TREATS back-muscle-spasm",
      ]);
      expect(e.targetInterventions.map((i: any) => i.treatment.id)).toEqual(["anti-inflammatory-drug", "muscle-relaxant", "stretching-and-exercise", "refrain-from-sports"]);
    },
  ),

  operation<{ explain: any }>(
    "explains a symptom: radiating pain comes through pain spreading along nerves",
    `{ explain(id: "radiating-back-pain", limit: 2) { truncated chains { root { id } steps { concept { id } } } } }`,
    undefined,
    (r) => {
      const e = dataOf(r).explain;
      expect(e.truncated).toBe(true);
      expect(e.chains[0].steps.map((s: any) => s.concept.id)).toEqual(["inflammatory-swelling", "back-pain", "nerve-pathway-spread", "radiating-back-pain"]);
      expect(e.chains).toHaveLength(2);
    },
  ),

  operation<{ search: any[] }>(
    "finds a disc dislodgement despite two typos",
    `{ search(text: "dsc dislodgment") { score matchedField matchedText concept { id } } }`,
    undefined,
    (r) => {
      const hits = dataOf(r).search;
      expect(hits[0]).toMatchObject({ concept: { id: "disc-dislodgement" }, matchedField: "NAME" });
    },
  ),

  operation<{ search: any[] }>(
    "matches synonyms whatever the case, and filters by kind",
    `{ slipped: search(text: "SLIPPED DISC") { score matchedField matchedText concept { id } }
       nsaid: search(text: "anti-inflammatories", kinds: [TREATMENT], first: 3) { concept { id kind } }
       iceOnlyAnatomy: search(text: "ice", kinds: [ANATOMY]) { concept { id } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.slipped[0]).toEqual({ score: expect.any(Number), matchedField: "SYNONYM", matchedText: "slipped disc", concept: { id: "disc-dislodgement" } });
      expect(d.slipped[0].score).toBeGreaterThan(d.slipped[1]?.score ?? 0);
      expect(d.nsaid[0].concept).toEqual({ id: "anti-inflammatory-drug", kind: "TREATMENT" });
      expect(d.nsaid.every((h: any) => h.concept.kind === "TREATMENT")).toBe(true);
      expect(d.iceOnlyAnatomy).toEqual([]);
    },
  ),

  operation<{ neighborhood: any }>(
    "returns a neighbourhood ready for Cytoscape.js with nodes, edges and depth",
    `{ neighborhood(id: "disc-dislodgement", depth: 1) {
        center { id } totalNodes totalEdges pageInfo { hasNextPage hasPreviousPage }
        nodes { id label kind depth concept { id } }
        edges { id source target type label relation { id } }
        cytoscapeElements
    } }`,
    undefined,
    (r) => {
      const n = dataOf(r).neighborhood;
      expect(n.center.id).toBe("disc-dislodgement");
      expect(n.nodes[0]).toEqual({ id: "disc-dislodgement", label: "Intervertebral disc dislodgement", kind: "MECHANISM", depth: 0, concept: { id: "disc-dislodgement" } });
      expect(n.nodes.slice(1).map((x: any) => x.id)).toEqual(["sports-back-injury", "disc-presses-on-ligament", "intervertebral-disc", "localised-infection", "ligament-strain", "tumour-near-muscle"]);
      expect(n.totalNodes).toBe(7);
      expect(n.edges.map((e: any) => e.id)).toEqual([
        "dislodged-disc-presses-on-ligament",
        "dislodgement-in-disc",
        "infection-dislodges-disc",
        "ligament-strain-dislodges-disc",
        "sports-injury-dislodges-disc",
        "tumour-dislodges-disc",
      ]);
      expect(n.totalEdges).toBe(6);
      expect(n.edges[0]).toEqual({ id: "dislodged-disc-presses-on-ligament", source: "disc-dislodgement", target: "disc-presses-on-ligament", type: "PRECEDES", label: "precedes", relation: { id: "dislodged-disc-presses-on-ligament" } });
      expect(n.cytoscapeElements).toHaveLength(13);
      expect(n.cytoscapeElements[0]).toEqual({ group: "nodes", data: { id: "disc-dislodgement", label: "Intervertebral disc dislodgement", kind: "mechanism", depth: 0 } });
      expect(n.cytoscapeElements[7]).toEqual({ group: "edges", data: { id: "dislodged-disc-presses-on-ligament", source: "disc-dislodgement", target: "disc-presses-on-ligament", type: "PRECEDES", label: "precedes", predicate: "biolink:precedes" } });
    },
  ),

  {
    name: "pages a depth-2 neighbourhood so that every node and every edge arrives exactly once",
    run: async (execute) => {
      const pages: any[] = [];
      let after: string | null = null;
      do {
        const r: GraphQLResponse<{ neighborhood: any }> = await execute<{ neighborhood: any }>(
          `query($after: String) { neighborhood(id: "back-muscle-spasm", depth: 2, limit: 8, after: $after) {
              totalNodes totalEdges nodes { id depth } edges { id source target } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        const page: any = dataOf(r).neighborhood;
        pages.push(page);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after !== null && pages.length < 20);
      return pages;
    },
    check: (pages: any[]) => {
      const nodes = pages.flatMap((p) => p.nodes.map((n: any) => n.id));
      const edges = pages.flatMap((p) => p.edges);
      expect(pages.length).toBeGreaterThan(2);
      expect(new Set(nodes).size).toBe(nodes.length);
      expect(nodes.length).toBe(pages[0].totalNodes);
      expect(new Set(edges.map((e: any) => e.id)).size).toBe(edges.length);
      expect(edges.length).toBe(pages[0].totalEdges);
      const seen = new Set<string>();
      for (const page of pages) {
        for (const n of page.nodes) seen.add(n.id);
        for (const e of page.edges) expect(seen.has(e.source) && seen.has(e.target)).toBe(true);
      }
      const depths = pages.flatMap((p) => p.nodes.map((n: any) => n.depth));
      expect(depths).toEqual([...depths].sort((a, b) => a - b));
      expect(Math.max(...depths)).toBe(2);
    },
  },

  operation<{ neighborhood: any }>(
    "restricts a neighbourhood by direction, relation type and kind",
    `{ out: neighborhood(id: "back-muscle-spasm", direction: OUTGOING, relationTypes: [HAS_SYMPTOM]) { nodes { id } edges { id } }
       kinds: neighborhood(id: "back-muscle-spasm", depth: 2, kinds: [TREATMENT]) { nodes { id } totalEdges }
       incoming: neighborhood(id: "inflammatory-swelling", direction: INCOMING) { nodes { id } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.out.nodes.map((n: any) => n.id)).toEqual(["back-muscle-spasm", "back-pain", "restricted-spinal-motion", "low-back-pain", "radiating-back-pain"]);
      expect(d.out.edges).toHaveLength(8);
      expect(d.kinds.nodes.map((n: any) => n.id)).toEqual(["back-muscle-spasm", "anti-inflammatory-drug", "muscle-relaxant", "stretching-and-exercise", "refrain-from-sports"]);
      expect(d.kinds.totalEdges).toBe(4);
      expect(d.incoming.nodes.map((n: any) => n.id)).toEqual(["inflammatory-swelling", "anti-inflammatory-drug", "ice-therapy"]);
    },
  ),
];

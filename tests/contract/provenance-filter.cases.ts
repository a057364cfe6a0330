import { expect } from "vitest";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

/** "Only what the article states, curated by hand": the researcher's strict filter. */
const STATED = `{ sources: ["back-spasm-article"], knowledgeLevels: [KNOWLEDGE_ASSERTION], agentTypes: [MANUAL_AGENT] }`;
const CEDARS = `{ sources: ["cedars-sinai"] }`;

/** More chains than the stated-only explanation of the spasm has, so a cap at this size cuts none. */
const STATED_CHAIN_CAP = 6;

const EVIDENCE = "evidence { id knowledgeLevel agentType source { id } citedSource { id } }";

type EvidenceRow = { id: string; knowledgeLevel: string; agentType: string; source: { id: string }; citedSource: { id: string } | null };

const stated = (e: EvidenceRow): boolean => e.source.id === "back-spasm-article" && e.knowledgeLevel === "KNOWLEDGE_ASSERTION" && e.agentType === "MANUAL_AGENT";
const citesCedars = (e: EvidenceRow): boolean => e.source.id === "cedars-sinai" || e.citedSource?.id === "cedars-sinai";

function badInput(argumentName: string, message: RegExp) {
  return (r: any) => {
    const error = onlyError(r);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(error.message).toMatch(message);
  };
}

export const provenanceFilterCases: ContractCase<any>[] = [
  operation<{ all: any; stated: any; firstStated: any }>(
    "explains the spasm from stated, hand-curated claims only, dropping the chain that rests on an inference",
    // Only the roots of the unfiltered answer matter; the filtered one is capped just above its real
    // size, so the whole answer stays under the query cost limit and a missing chain still shows.
    `{ all: explain(id: "back-muscle-spasm") { chains { root { id } } }
       firstStated: explain(id: "back-muscle-spasm", limit: 1, evidence: ${STATED}) { truncated chains { root { id } } }
       stated: explain(id: "back-muscle-spasm", limit: ${STATED_CHAIN_CAP}, evidence: ${STATED}) {
         chains { root { id } steps { relationToNext { id ${EVIDENCE} } interventions { relation { id ${EVIDENCE} } viaRelation { id ${EVIDENCE} } } } } } }`,
    undefined,
    (r) => {
      const { all, stated: filtered, firstStated } = dataOf(r);
      const roots = (x: any): string[] => x.chains.map((c: any) => c.root.id);
      // The filter applies before the limit: the best unfiltered chain fails it, yet limit 1 still finds one.
      expect(roots(all)[0]).toBe("inflammatory-swelling");
      expect(roots(firstStated)).toEqual(roots(filtered).slice(0, 1));
      expect(firstStated.truncated).toBe(true);
      // Swelling feeds back pain only through an inferred (LOGICAL_ENTAILMENT) relation.
      expect(roots(all)).toContain("inflammatory-swelling");
      expect(roots(filtered)).not.toContain("inflammatory-swelling");
      expect(filtered.chains.length).toBeGreaterThan(0);
      expect(filtered.chains.length).toBeLessThan(STATED_CHAIN_CAP);
      expect(roots(filtered)).toEqual(roots(all).filter((root) => root !== "inflammatory-swelling"));
      for (const chain of filtered.chains) {
        for (const step of chain.steps) {
          for (const relation of [step.relationToNext, ...step.interventions.flatMap((i: any) => [i.relation, i.viaRelation])]) {
            if (relation !== null) expect(relation.evidence.some(stated)).toBe(true);
          }
        }
      }
    },
  ),

  operation<{ source: any; relation: any; uncited: any; all: any }>(
    "lists only the claims citing Cedars-Sinai, on a source and on a relation",
    `{ source(id: "back-spasm-article") { claims(evidence: ${CEDARS}) { id claim citedSource { id } } all: claims { id } }
       relation(id: "exercising-through-pain-overloads-muscles") { evidence(evidence: ${CEDARS}) { id citedSource { id } } all: evidence { id } }
       uncited: relation(id: "spasm-pain-at-rest") { evidence(evidence: ${CEDARS}) { id } all: evidence { id } }
       all: source(id: "cedars-sinai") { claims { id } } }`,
    undefined,
    (r) => {
      const { source, relation, uncited, all } = dataOf(r);
      expect(source.claims.length).toBeGreaterThan(0);
      expect(source.claims.length).toBeLessThan(source.all.length);
      for (const c of source.claims) expect(c.citedSource).toEqual({ id: "cedars-sinai" });
      // Cedars-Sinai's own claims are exactly those the article attributes to it.
      expect(source.claims.map((c: any) => c.id)).toEqual(all.claims.map((c: any) => c.id));
      // Both claims of the exercise warning come from the passage the article attributes to Cedars-Sinai.
      expect(relation.evidence).toEqual(relation.all.map((e: any) => ({ id: e.id, citedSource: { id: "cedars-sinai" } })));
      expect(relation.evidence.length).toBe(2);
      // A relation the article states on its own authority keeps its evidence but passes nothing.
      expect(uncited.all.length).toBeGreaterThan(0);
      expect(uncited.evidence).toEqual([]);
    },
  ),

  operation<{ concept: any }>(
    "follows concept links and relation pages only where Cedars-Sinai is cited",
    `{ concept(id: "back-muscle-spasm") {
         ... on Condition { all: warningSigns { id } cited: warningSigns(evidence: ${CEDARS}) { id }
           allSymptoms: symptoms { id } citedSymptoms: symptoms(evidence: ${CEDARS}) { id } }
         relations(evidence: ${CEDARS}) { totalCount edges { node { id ${EVIDENCE} } } }
         everything: relations(first: 100) { totalCount } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      expect(c.all.length).toBeGreaterThan(1);
      expect(c.cited).toEqual([{ id: "spasm-pain-during-exercise" }]);
      expect(c.allSymptoms.length).toBeGreaterThan(0);
      expect(c.citedSymptoms).toEqual([]);
      expect(c.relations.totalCount).toBe(c.relations.edges.length);
      expect(c.relations.totalCount).toBeLessThan(c.everything.totalCount);
      for (const edge of c.relations.edges) expect(edge.node.evidence.some(citesCedars)).toBe(true);
    },
  ),

  operation<{ all: any; stated: any }>(
    "walks neighbourhoods and paths along passing relations only",
    `{ all: neighborhood(id: "low-back-pain", depth: 2) { totalNodes edges { relation { id } } }
       stated: neighborhood(id: "low-back-pain", depth: 2, evidence: ${STATED}) { totalNodes edges { relation { id ${EVIDENCE} } } nodes { id } }
       shortest: shortestPath(from: "low-back-pain", to: "back-pain", evidence: ${STATED}) { hops relations { id ${EVIDENCE} } }
       direct: shortestPath(from: "low-back-pain", to: "back-pain") { hops } }`,
    undefined,
    (r) => {
      const d: any = dataOf(r);
      expect(d.stated.totalNodes).toBeLessThan(d.all.totalNodes);
      for (const edge of d.stated.edges) expect(edge.relation.evidence.some(stated)).toBe(true);
      // The direct SUBCLASS_OF link is inferred, so the stated route is longer.
      expect(d.direct.hops).toBe(1);
      expect(d.shortest.hops).toBeGreaterThan(1);
      for (const relation of d.shortest.relations) expect(relation.evidence.some(stated)).toBe(true);
    },
  ),

  operation<{ a: any; b: any }>(
    "rejects an unknown source id and an empty list in the evidence filter, naming the field",
    `{ a: causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", evidence: { sources: ["no-such-source"] }) { truncated } }`,
    undefined,
    badInput("evidence.sources", /no-such-source/),
  ),

  operation<{ concept: any }>(
    "rejects an empty knowledge level list in a nested evidence filter",
    `{ concept(id: "back-muscle-spasm") { causedBy(evidence: { knowledgeLevels: [] }) { id } } }`,
    undefined,
    badInput("evidence.knowledgeLevels", /empty/),
  ),
];

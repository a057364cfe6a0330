import { expect } from "vitest";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

const HIT = `__typename score matchedField matchedText
  ... on ConceptHit { concept { id name } }
  ... on SourceHit { source { id title } }
  ... on EvidenceHit { evidence { id claim source { id } citedSource { id } } }`;

export const searchEverythingCases: ContractCase<any>[] = [
  operation<{ searchAll: any[]; source: any }>(
    "finds the Cedars-Sinai source first, then every claim attributed to it",
    `{ searchAll(text: "Cedars-Sinai", first: 20) { ${HIT} } source(id: "cedars-sinai") { claims { id } } }`,
    undefined,
    (r) => {
      const { searchAll: hits, source } = dataOf(r);
      expect(hits[0]).toMatchObject({ __typename: "SourceHit", matchedField: "TITLE", source: { id: "cedars-sinai" } });
      const claimIds = hits.filter((h) => h.__typename === "EvidenceHit").map((h) => h.evidence.id);
      expect([...claimIds].sort()).toEqual(source.claims.map((c: any) => c.id).sort());
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    },
  ),

  operation<{ typo: any[]; kind: any[]; claim: any[] }>(
    "forgives typos in source titles, finds sources by kind and claims by their own words",
    `{ typo: searchAll(text: "sports injury buletin", types: [SOURCE]) { ${HIT} }
       kind: searchAll(text: "organisation", types: [SOURCE]) { ${HIT} }
       claim: searchAll(text: "tendon damage", types: [EVIDENCE], first: 5) { ${HIT} } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.typo[0]).toMatchObject({ source: { id: "sports-injury-bulletin" }, matchedField: "TITLE" });
      expect(d.kind).toEqual([expect.objectContaining({ matchedField: "KIND", source: expect.objectContaining({ id: "cedars-sinai" }) })]);
      expect(d.claim.length).toBeGreaterThan(0);
      for (const hit of d.claim) {
        expect(hit.__typename).toBe("EvidenceHit");
        expect(hit.matchedField).toBe("CLAIM");
        expect(hit.evidence.claim.toLowerCase()).toMatch(/tendon|damage/);
      }
    },
  ),

  operation<{ search: any[]; searchAll: any[] }>(
    "answers concept-only searchAll exactly as the concept search it extends",
    `{ search(text: "sliped disk", first: 5) { score matchedField matchedText concept { id } }
       searchAll(text: "sliped disk", first: 5, types: [CONCEPT]) { score matchedField matchedText ... on ConceptHit { concept { id } } } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.search[0]).toMatchObject({ matchedText: "slipped disc", concept: { id: "disc-dislodgement" } });
      expect(d.searchAll).toEqual(d.search);
    },
  ),

  operation(
    "rejects an empty list of search targets, naming it",
    `{ searchAll(text: "spasm", types: []) { score } }`,
    undefined,
    (r) => {
      expect(onlyError(r).extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "types" });
    },
  ),
];

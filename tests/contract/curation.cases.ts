import { expect } from "vitest";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

/** What curation adds to reads: a freshly seeded graph looks the same in every backend. */
export const curationCases: ContractCase<any>[] = [
  operation<any>(
    "an uncurated graph is at version 0 with no history, and every concept and relation at version 1",
    `{ graphVersion
       changes(first: 5) { totalCount nodes { graphVersion } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
       concepts(first: 5) { nodes { id version } }
       concept(id: "back-muscle-spasm") { version relations(first: 3) { nodes { id version } } } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.graphVersion).toBe(0);
      expect(d.changes).toEqual({ totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
      expect(d.concepts.nodes.map((n: any) => n.version)).toEqual([1, 1, 1, 1, 1]);
      expect(d.concept.version).toBe(1);
      expect(d.concept.relations.nodes.length).toBeGreaterThan(0);
      for (const n of d.concept.relations.nodes) expect(n.version).toBe(1);
    },
  ),
  operation<any>("a history page size out of range is refused, naming the argument", `{ changes(first: 0) { totalCount } }`, undefined, (r) => {
    expect(onlyError(r).extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  }),
  operation<any>("a history cursor that is not one is refused, naming the argument", `{ changes(after: "not-a-cursor") { totalCount } }`, undefined, (r) => {
    expect(onlyError(r).extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "after" });
  }),
];

import { expect } from "vitest";
import type { GraphQLResponse } from "../support/graphql-client.js";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

function badInput(argumentName: string, message: RegExp) {
  return (r: any) => {
    const error = onlyError(r);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(error.message).toMatch(message);
    expect(JSON.stringify(error)).not.toMatch(/stack|neo4j|cypher/i);
  };
}

/** Walks every page of a concept listing and returns the ids in the order received. */
async function walk(execute: Parameters<ContractCase["run"]>[0], args: string, size: number, backwards = false): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const paging = backwards ? `last: ${size}, before: $cursor` : `first: ${size}, after: $cursor`;
    const r: GraphQLResponse<{ concepts: any }> = await execute<{ concepts: any }>(
      `query($cursor: String) { concepts(${paging}${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      { cursor },
    );
    const page: any = dataOf(r).concepts;
    pages++;
    totals.push(page.totalCount);
    const pageIds = page.edges.map((e: any) => e.node.id);
    if (backwards) ids.unshift(...pageIds);
    else ids.push(...pageIds);
    const more = backwards ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more || pages > 100) break;
    cursor = backwards ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  return { ids, totals, pages };
}

export const errorAndPagingCases: ContractCase<any>[] = [
  {
    name: "pages through all concepts with keyset cursors, returning each concept exactly once in every order",
    run: async (execute) => ({
      byName: await walk(execute, "", 7),
      byNameDesc: await walk(execute, ", orderBy: NAME_DESC", 10),
      byId: await walk(execute, ", orderBy: ID_ASC", 46),
      byIdDesc: await walk(execute, ", orderBy: ID_DESC", 4),
      backwards: await walk(execute, "", 6, true),
    }),
    check: (t: Record<string, { ids: string[]; totals: number[]; pages: number }>) => {
      for (const [order, result] of Object.entries(t)) {
        expect(result.ids, order).toHaveLength(46);
        expect(new Set(result.ids).size, order).toBe(46);
        expect(new Set(result.totals), order).toEqual(new Set([46]));
      }
      expect(t["byName"]?.pages).toBe(7);
      expect(t["byName"]?.ids.slice(0, 3)).toEqual(["sports-back-injury", "anti-inflammatory-drug", "avoid-aggravating-movement"]);
      expect(t["byNameDesc"]?.ids).toEqual([...(t["byName"]?.ids ?? [])].reverse());
      expect(t["byId"]?.ids).toEqual([...(t["byId"]?.ids ?? [])].sort());
      expect(t["byIdDesc"]?.ids).toEqual([...(t["byId"]?.ids ?? [])].reverse());
      expect(t["backwards"]?.ids).toEqual(t["byName"]?.ids);
    },
  },

  operation<{ concepts: any }>(
    "filters concepts by kind, text, cross-reference and relation",
    `{ treatments: concepts(filter: { kinds: [TREATMENT] }) { totalCount }
       pain: concepts(filter: { text: "PAIN" }) { nodes { id } }
       mesh: concepts(filter: { xref: "mesh" }, first: 100) { totalCount }
       hp: concepts(filter: { xref: "HP:0003418" }) { nodes { id } }
       treaters: concepts(filter: { hasRelation: { type: TREATS, direction: OUTGOING } }) { nodes { id } }
       toSwelling: concepts(filter: { hasRelation: { to: "inflammatory-swelling" } }) { nodes { id } }
       combined: concepts(filter: { kinds: [SYMPTOM], text: "back" }) { nodes { id } } }`,
    undefined,
    (r) => {
      const d = dataOf(r) as any;
      expect(d.treatments.totalCount).toBe(10);
      expect(d.pain.nodes.map((n: any) => n.id)).toEqual([
        "avoid-aggravating-movement", // synonym "avoid painful movement"
        "back-pain",
        "continued-exercise-through-pain",
        "low-back-pain",
        "radiating-back-pain",
        "spasm-pain-during-exercise",
        "nerve-pathway-spread",
        "stop-exercising",
        "sudden-low-back-pain-on-movement",
      ]);
      // 13 MeSH codes; Spasm (D013035) maps both muscle spasm (exact) and back muscle spasm (broad).
      expect(d.mesh.totalCount).toBe(14);
      expect(d.hp.nodes).toEqual([{ id: "back-pain" }]);
      expect(d.treaters.nodes.map((n: any) => n.id)).toEqual(["anti-inflammatory-drug", "muscle-relaxant", "refrain-from-sports"]);
      expect(d.toSwelling.nodes.map((n: any) => n.id)).toEqual(["anti-inflammatory-drug", "back-pain", "ice-therapy"]);
      // restricted-spinal-motion matches through its synonym "locked back".
      expect(d.combined.nodes.map((n: any) => n.id)).toEqual(["back-pain", "restricted-spinal-motion", "low-back-pain", "radiating-back-pain"]);
    },
  ),

  operation(
    "rejects maxHops above 8 with BAD_USER_INPUT naming the argument and its range",
    `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", maxHops: 9) { truncated } }`,
    undefined,
    (r) => {
      badInput("maxHops", /^Argument "maxHops" must be a whole number from 1 to 8, got 9 \(allowed: 1\.\.8\)$/)(r);
      expect(onlyError(r).extensions).toMatchObject({ allowed: "1..8" });
    },
  ),

  operation("rejects a neighbourhood depth above 3", `{ neighborhood(id: "back-pain", depth: 4) { totalNodes } }`, undefined, badInput("depth", /from 1 to 3, got 4/)),
  operation("rejects a page size above 100", `{ concepts(first: 101) { totalCount } }`, undefined, badInput("first", /from 1 to 100, got 101/)),
  operation("rejects mixing first and last", `{ concepts(first: 2, last: 2) { totalCount } }`, undefined, badInput("last", /cannot be combined with first/)),
  operation("rejects a cursor that the API did not issue", `{ concepts(after: "not-a-cursor") { totalCount } }`, undefined, badInput("after", /is not a cursor returned by this API/)),
  operation(
    "rejects a cursor from another ordering",
    `{ concepts(orderBy: ID_ASC, after: "eyJzIjoiY29uY2VwdHM6TkFNRV9BU0MiLCJrIjpbImEiLCJiIl19") { totalCount } }`,
    undefined,
    badInput("after", /belongs to a different ordering/),
  ),
  operation("rejects an unknown cross-reference prefix", `{ concepts(filter: { xref: "SNOMED" }) { totalCount } }`, undefined, badInput("filter.xref", /"SNOMED" is not a known prefix/)),
  operation("rejects search text without letters or digits", `{ search(text: "?!") { score } }`, undefined, badInput("text", /must contain at least one letter or digit/)),
  operation("rejects more than 50 search results", `{ search(text: "pain", first: 51) { score } }`, undefined, badInput("first", /from 1 to 50/)),
  operation("rejects a path from a concept to itself", `{ causalPathways(from: "back-pain", to: "back-pain") { truncated } }`, undefined, badInput("to", /must differ from "from"/)),
  operation(
    "rejects non-causal relation types for causal pathways",
    `{ causalPathways(from: "back-pain", to: "back-muscle-spasm", relationTypes: [CAUSES, TREATS]) { truncated } }`,
    undefined,
    badInput("relationTypes", /contains non-causal types TREATS/),
  ),
  operation("rejects an empty kinds list rather than matching nothing", `{ search(text: "pain", kinds: []) { score } }`, undefined, badInput("kinds", /must not be an empty list/)),
  operation(
    "rejects explaining a treatment: only symptoms and conditions have causal chains to explain",
    `{ explain(id: "ice-therapy") { truncated } }`,
    undefined,
    badInput("id", /must name a symptom or condition; "ice-therapy" is a treatment/),
  ),
  operation(
    "answers NOT_FOUND naming the missing end of a pathway",
    `{ causalPathways(from: "sports-back-injury", to: "unicorn-horn") { truncated } }`,
    undefined,
    (r) => {
      expect(onlyError(r)).toMatchObject({ message: 'Concept "unicorn-horn" was not found', extensions: { code: "NOT_FOUND", id: "unicorn-horn" } });
    },
  ),
  operation(
    "answers NOT_FOUND for an unknown relation and source",
    `{ relation(id: "nope") { id } }`,
    undefined,
    (r) => {
      expect(onlyError(r).extensions).toMatchObject({ code: "NOT_FOUND", entity: "Relation", id: "nope" });
    },
  ),
  operation(
    "reports a wrongly typed argument as a GraphQL validation error without internals",
    `{ causalPathways(from: "a", to: "b", maxHops: "nine") { truncated } }`,
    undefined,
    (r) => {
      const error = onlyError(r);
      expect(error.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
      expect(error.message).toMatch(/Int cannot represent non-integer value: "nine"/);
    },
  ),
];

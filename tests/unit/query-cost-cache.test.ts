import { parse, type GraphQLSchema } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { beforeAll, describe, expect, it } from "vitest";
import { fieldCostEstimator } from "../../src/graphql/limits/cost-estimator.js";
import { observedCostEstimator } from "../../src/graphql/limits/observed-cost-estimator.js";
import { observeResponse } from "../../src/graphql/limits/observed-sizes.js";
import { actualQueryCost, MAX_COST_NODES, queryCost } from "../../src/graphql/limits/query-cost.js";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";
import { QUERY_MIX } from "../../bench/query-mix.js";
import { aliasFlood, canonicalQueries, fragmentFanOut, nestedRelationsQuery } from "../support/canonical-queries.js";
import { HOSTILE_QUERIES } from "../support/hostile-queries.js";

type Variables = Record<string, unknown>;

/** What graphql-query-complexity computes with the same estimator for a fresh parse of the query: nothing remembered. */
function libraryCost(schema: GraphQLSchema, query: string, variables: Variables = {}, data?: Record<string, unknown>): number {
  const document = parse(query);
  const estimator = data === undefined ? fieldCostEstimator : observedCostEstimator(observeResponse(document, undefined, data));
  try {
    const cost = getComplexity({ schema, query: document, variables, estimators: [estimator], maxQueryNodes: MAX_COST_NODES });
    return data === undefined ? cost : Math.round(cost);
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/i.test(error.message)) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/** Documents whose cost depends on variables: page sizes, depths and @skip/@include conditions. */
const VARIABLE_CASES: { query: string; variables: Variables[] }[] = [
  {
    query: `query ($n: Int, $d: Int) { neighborhood(id: "x", depth: $d, limit: $n) { nodes { id } edges { id } } }`,
    variables: [{}, { n: 7 }, { n: 7, d: 3 }, { n: 400, d: 2 }, { n: null }],
  },
  {
    query: `query ($withCauses: Boolean!, $first: Int) { concepts(first: $first) { nodes { id causedBy @include(if: $withCauses) { id } } } }`,
    variables: [{ withCauses: true }, { withCauses: false }, { withCauses: true, first: 3 }, { withCauses: false, first: 90 }],
  },
  {
    query: `query ($skip: Boolean = false) { concept(id: "x") { id ... on Condition @skip(if: $skip) { symptoms { id aggravatedBy { id } } } ...F } }
      fragment F on Concept { relations(first: 4) { edges { neighbor { id } } } }`,
    variables: [{}, { skip: true }, { skip: false }],
  },
  {
    query: `query ($text: String!, $kinds: [ConceptKind!]) { search(text: $text, kinds: $kinds, first: 20) { score concept { id } } }`,
    variables: [{ text: "spasm" }, { text: "pain", kinds: ["SYMPTOM"] }],
  },
];

describe("query cost, priced by graphql-query-complexity and remembered per document", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphSchema();
  });

  it("prices every canonical, hostile and benchmark query as the library does", () => {
    const queries = [
      ...canonicalQueries().map((c) => ({ query: c.query, variables: {} })),
      ...HOSTILE_QUERIES.map((h) => ({ query: h.query, variables: {} })),
      ...QUERY_MIX.map((m) => ({ query: m.graphql, variables: m.sample })),
      { query: nestedRelationsQuery(3, 2), variables: {} },
      { query: aliasFlood(12, `search(text: "spasm", first: 7) { concept { id } }`), variables: {} },
      { query: fragmentFanOut(14), variables: {} },
    ];
    for (const { query, variables } of queries) expect(queryCost(schema, parse(query), variables, undefined), query.slice(0, 80)).toBe(libraryCost(schema, query, variables));
  });

  it("gives each set of page sizes and conditions its own cost, asked again and again on the same document", () => {
    for (const { query, variables } of VARIABLE_CASES) {
      const document = parse(query);
      for (let pass = 0; pass < 2; pass++) {
        for (const v of variables) expect(queryCost(schema, document, v, undefined), `${query.slice(0, 60)} ${JSON.stringify(v)}`).toBe(libraryCost(schema, query, v));
      }
    }
  });

  it("still refuses variables that do not fit the operation, whatever was priced before", () => {
    const document = parse(`query ($id: ID!, $n: Int) { concepts(first: $n) { nodes { id } } concept(id: $id) { id } }`);
    expect(queryCost(schema, document, { id: "x", n: 3 }, undefined)).toBe(libraryCost(schema, `query ($id: ID!, $n: Int) { concepts(first: $n) { nodes { id } } concept(id: $id) { id } }`, { id: "x", n: 3 }));
    expect(() => queryCost(schema, document, { n: 3 }, undefined)).toThrow(/\$id/);
    expect(() => queryCost(schema, document, { id: "x", n: "three" }, undefined)).toThrow(/\$n/);
  });

  it("prices a response's real sizes as the library does, asked again and again on the same document", () => {
    const query = `query ($n: Int) { concepts(first: $n) { nodes { id ... on Condition { symptoms { id aggravatedBy { id } } } ... on Symptom { relievedBy { id } } } }
      hood: neighborhood(id: "x", depth: 2) { nodes { id } edges { id } } }`;
    const data = {
      concepts: {
        nodes: [
          { id: "c", symptoms: [{ id: "s1", aggravatedBy: [{ id: "a" }] }, { id: "s2", aggravatedBy: [] }] },
          { id: "s", relievedBy: [{ id: "t1" }, { id: "t2" }, { id: "t3" }] },
          { id: "m" },
        ],
      },
      hood: { nodes: [{ id: "x" }, { id: "y" }], edges: [{ id: "r" }] },
    };
    // Same shape, other sizes: one symptom fewer, no relievers, an empty neighbourhood.
    const smaller = {
      concepts: { nodes: [{ id: "c", symptoms: [{ id: "s1", aggravatedBy: [{ id: "a" }] }] }, { id: "s", relievedBy: [] }, { id: "m" }] },
      hood: { nodes: [], edges: [] },
    };
    const document = parse(query);
    for (let pass = 0; pass < 2; pass++) {
      for (const variables of [{}, { n: 3 }, { n: 50 }]) {
        expect(queryCost(schema, document, variables, undefined)).toBe(libraryCost(schema, query, variables));
        for (const answer of [data, smaller]) {
          expect(actualQueryCost(schema, document, variables, undefined, answer)).toBe(libraryCost(schema, query, variables, answer));
        }
      }
    }
    expect(libraryCost(schema, query, {}, smaller)).toBeLessThan(libraryCost(schema, query, {}, data));
  });
});

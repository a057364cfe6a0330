import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { loadConfig } from "../../src/config/config.js";
import { queryCost } from "../../src/graphql/limits/query-cost.js";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";
import { aliasFlood, canonicalQueries, fragmentFanOut, nestedRelationsQuery } from "../support/canonical-queries.js";

const BUDGET = loadConfig({}).api.limits.maxCost;

describe("query cost", () => {
  let schema: GraphQLSchema;
  const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables, undefined);
  beforeAll(async () => {
    schema = await buildGraphSchema();
  });

  it("admits every playground example, README example and the explorer query under the default budget", () => {
    const costs = canonicalQueries().map(({ name, query }) => ({ name, cost: cost(query) }));
    console.info(`default budget ${BUDGET}; canonical costs:\n${costs.map((c) => `  ${String(c.cost).padStart(5)}  ${c.name}`).join("\n")}`);
    expect(costs.length).toBeGreaterThan(10);
    for (const c of costs) expect(c.cost, c.name).toBeLessThanOrEqual(BUDGET);
  });

  it("prices the probe's crashing queries far over the budget", () => {
    expect(cost(nestedRelationsQuery(7))).toBeGreaterThan(BUDGET);
    expect(cost(nestedRelationsQuery(3))).toBeGreaterThan(BUDGET);
    expect(cost(nestedRelationsQuery(4, 2))).toBeGreaterThan(BUDGET);
    expect(cost(aliasFlood(30, `neighborhood(id: "back-muscle-spasm", depth: 3, limit: 500) { cytoscapeElements }`))).toBeGreaterThan(BUDGET);
  });

  it("counts every alias in full", () => {
    const one = cost(`{ search(text: "spasm", first: 10) { concept { id } } }`);
    expect(cost(aliasFlood(7, `search(text: "spasm", first: 10) { concept { id } }`))).toBe(7 * one);
  });

  it("counts a fragment spread like the selection it stands for", () => {
    const inline = cost(`{ concept(id: "x") { id relations(first: 5) { edges { neighbor { id } } } } }`);
    const spread = cost(`{ concept(id: "x") { ...F } } fragment F on Concept { id relations(first: 5) { edges { neighbor { id } } } }`);
    expect(spread).toBe(inline);
    expect(cost(fragmentFanOut(12))).toBeGreaterThan(BUDGET);
  });

  it("multiplies a page by the size it asks for, read from variables too, capped at the argument's maximum", () => {
    const page = (n: number) => cost(`{ concepts(first: ${n}) { nodes { id causes: causedBy { id } } } }`);
    expect(page(50)).toBeGreaterThan(page(10));
    expect(page(100)).toBe(page(100_000));
    expect(cost(`query($n: Int) { concepts(first: $n) { nodes { id causedBy { id } } } }`, { n: 50 })).toBe(page(50));
  });

  it("prices a neighbourhood by depth and by limit", () => {
    const hood = (depth: number, limit: number) => cost(`{ neighborhood(id: "x", depth: ${depth}, limit: ${limit}) { nodes { id } edges { id } } }`);
    expect(hood(3, 100)).toBeGreaterThan(hood(1, 100));
    expect(hood(1, 400)).toBeGreaterThan(hood(1, 100));
    expect(hood(3, 200)).toBe(10 * 3 + 200 * (1 + 1 + 2));
  });

  it("prices causal pathways and explanations by hops and limit", () => {
    const paths = (hops: number, limit: number) => cost(`{ causalPathways(from: "a", to: "b", maxHops: ${hops}, limit: ${limit}) { paths { hops nodes { id } } } }`);
    expect(paths(8, 10)).toBeGreaterThan(paths(2, 10));
    expect(paths(6, 40)).toBeGreaterThan(paths(6, 10));
    const explain = (hops: number, limit: number) => cost(`{ explain(id: "a", maxHops: ${hops}, limit: ${limit}) { chains { root { id } } } }`);
    expect(explain(8, 20)).toBeGreaterThan(explain(2, 20));
    expect(explain(8, 50)).toBeGreaterThan(explain(8, 20));
  });
});

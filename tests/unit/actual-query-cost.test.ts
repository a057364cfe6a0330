import { parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { actualQueryCost, queryCost } from "../../src/graphql/limits/query-cost.js";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";

describe("actual query cost (extensions.cost.actual)", () => {
  let schema: GraphQLSchema;
  const requested = (query: string) => queryCost(schema, parse(query), undefined, undefined);
  const actual = (query: string, data: Record<string, unknown>) => actualQueryCost(schema, parse(query), undefined, undefined, data);
  beforeAll(async () => {
    schema = await buildGraphSchema();
  });

  it("equals the requested cost when every page comes back full", () => {
    const query = `{ search(text: "spasm", first: 2) { score concept { id } } }`;
    const data = { search: [{ score: 1, concept: { id: "a" } }, { score: 0.5, concept: { id: "b" } }] };
    expect(actual(query, data)).toBe(requested(query));
  });

  it("charges the items a page really held, not the page size asked for", () => {
    const query = `{ concepts(first: 20) { nodes { id } } }`;
    const three = { concepts: { nodes: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
    // 2 for the connection, then per concept: 1 for the page item and 1 for its node.
    expect(requested(query)).toBe(2 + 20 * 2);
    expect(actual(query, three)).toBe(2 + 3 * 2);
  });

  it("follows real list sizes down nested levels, and charges nothing for what came back null or empty", () => {
    const query = `{ concept(id: "x") { id causedBy { id leadsTo { id } } } missing: concept(id: "y") { id causedBy { id } } }`;
    const data = {
      concept: { id: "x", causedBy: [{ id: "a", leadsTo: [{ id: "x" }, { id: "z" }] }, { id: "b", leadsTo: [] }] },
      missing: null,
    };
    // concept 1 + causedBy 2 objects + their leadsTo 2 objects; the missing concept costs 0.
    expect(actual(query, data)).toBe(1 + 2 + 2);
    expect(requested(query)).toBeGreaterThan(actual(query, data));
  });

  it("counts a fragment's fields only where the answer has them", () => {
    const query = `{ concepts(first: 2) { nodes { id ... on Condition { symptoms { id } } } } }`;
    const data = { concepts: { nodes: [{ id: "c", symptoms: [{ id: "s1" }, { id: "s2" }] }, { id: "t" }] } };
    // connection 2, two page items 2, two nodes 2, two symptoms 2.
    expect(actual(query, data)).toBe(2 + 2 + 2 + 2);
  });

  it("charges an empty page for the page alone, not for the page size asked for", () => {
    const query = `{ concepts(first: 20) { nodes { id } } }`;
    expect(actual(query, { concepts: { nodes: [] } })).toBe(2);
  });
});

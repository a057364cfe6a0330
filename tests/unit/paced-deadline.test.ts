import { buildSchema, execute, parse, type GraphQLObjectType } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { paceResolvers } from "../../src/graphql/paced-resolvers.js";
import { RequestScope, runInRequestScope } from "../../src/store/request-scope.js";

const busyFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Stand-in for a resolver that keeps the CPU past the request's deadline.
  }
};

describe("paced resolvers at the deadline", () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => {
    unhandled.push(reason);
  };
  afterEach(() => {
    process.off("unhandledRejection", record);
    unhandled.length = 0;
  });

  it("refuse the rest of a list without leaving any rejection unhandled", async () => {
    process.on("unhandledRejection", record);
    const schema = buildSchema("type Query { items: [Item!]! } type Item { child: Child! } type Child { id: ID! }");
    const item = schema.getType("Item") as GraphQLObjectType;
    const query = schema.getQueryType()!;
    query.getFields()["items"]!.resolve = () => [{ i: 0 }, { i: 1 }, { i: 2 }];
    // The first item's child outlives the deadline, then fails; the later items meet the passed deadline.
    item.getFields()["child"]!.resolve = (source: { i: number }) => {
      if (source.i !== 0) return { id: String(source.i) };
      busyFor(20);
      return new Promise((_, reject) => setTimeout(() => reject(new Error("failed after the deadline")), 10));
    };
    paceResolvers(schema);
    const scope = new RequestScope(5, 4);
    const result = await runInRequestScope(scope, () => execute({ schema, document: parse("{ items { child { id } } }") }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.data).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
  });
});

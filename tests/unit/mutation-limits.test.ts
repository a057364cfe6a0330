import { parse, specifiedRules, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_MUTATIONS_PER_OPERATION, MUTATION_BASE_COST } from "../../src/graphql/limits/field-costs.js";
import { maxMutationFieldsRule } from "../../src/graphql/limits/mutation-count.rule.js";
import { queryCost } from "../../src/graphql/limits/query-cost.js";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";

const retract = (alias: string) => `${alias}: retractRelation(id: "r", reason: "why", expectedVersion: 1) { graphVersion }`;

describe("mutation limits", () => {
  let schema: GraphQLSchema;
  const codes = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, maxMutationFieldsRule(MAX_MUTATIONS_PER_OPERATION)]).map((e) => (e.originalError as { code?: string } | undefined)?.code ?? e.message);
  beforeAll(async () => {
    schema = await buildGraphSchema();
  });

  it("price each mutation at its base cost plus its payload's selection, aliases in full", () => {
    const one = queryCost(schema, parse(`mutation { ${retract("a")} }`), undefined, undefined);
    expect(one).toBe(MUTATION_BASE_COST + 1);
    expect(queryCost(schema, parse(`mutation { ${retract("a")} ${retract("b")} ${retract("c")} }`), undefined, undefined)).toBe(3 * one);
    const withChange = queryCost(schema, parse(`mutation { retractRelation(id: "r", reason: "w", expectedVersion: 1) { change { graphVersion } } }`), undefined, undefined);
    expect(withChange).toBe(MUTATION_BASE_COST + 1 + 1);
  });

  it("admit 10 mutation fields per operation and refuse 11 with TOO_MANY_MUTATIONS, counting fragments", () => {
    const fields = (n: number) => Array.from({ length: n }, (_v, i) => retract(`m${i}`)).join(" ");
    expect(codes(`mutation { ${fields(10)} }`)).toEqual([]);
    expect(codes(`mutation { ${fields(11)} }`)).toEqual(["TOO_MANY_MUTATIONS"]);
    expect(codes(`mutation { ...F ...F2 } fragment F on Mutation { ${fields(6)} } fragment F2 on Mutation { ${retract("x1")} ${retract("x2")} ${retract("x3")} ${retract("x4")} ${retract("x5")} }`)).toEqual(["TOO_MANY_MUTATIONS"]);
    expect(codes(`{ ${Array.from({ length: 11 }, (_v, i) => `g${i}: graphVersion`).join(" ")} }`)).toEqual([]);
  });
});

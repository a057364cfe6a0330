import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { gql } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startLevelByLevelApi, startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

/** The benchmark mix (bench/query-mix.ts), as the API is asked it. */
const MIX: Record<string, string> = {
  "concept lookup": `{ concept(id: "back-muscle-spasm") { id kind name synonyms summary biolinkCategory xrefs { curie url match } } }`,
  "condition overview (3 levels)": `{ concept(id: "back-muscle-spasm") { id name ... on Condition {
      symptoms { id name ... on Symptom { aggravatedBy { id name } relievedBy { id name } } }
      treatments { treatment { id name } actsOn { target { id name } relation { type } } }
      causes { id name } } } }`,
  causalPathways: `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { paths { hops nodes { id name } relations { id type evidence { claim locator { start end } } } } } }`,
  "neighbourhood depth 2": `{ neighborhood(id: "back-muscle-spasm", depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
  search: `{ search(text: "muscle relaxnt", first: 10) { score concept { id name kind } } }`,
};

/** Every GraphQL example of the README, read at run time. */
function readmeExamples(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").trim());
}

/**
 * README examples that still take more than one statement (or are refused before any), and why;
 * each matched by a piece of its text.
 */
const README_EXCEPTIONS: readonly { match: string; statements: number; why: string }[] = [
  { match: "export(format: GRAPHML)", statements: 5, why: "an export reads whole records and the evidence and sources of every relation, outside the plan" },
  { match: "maxHops: 9", statements: 0, why: "refused with BAD_USER_INPUT before any statement" },
  { match: "mutation AddRelation", statements: 0, why: "a write, not a read: sent here without a token, it is refused UNAUTHENTICATED before any statement" },
  { match: "graphVersion changes(since: 0", statements: 2, why: "the curation history is not planned: graphVersion and changes are two root fields, one statement each" },
];

describe.skipIf(noNeo4j)("one statement per request", () => {
  let api: SeededApi;
  let statements: string[] = [];
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
    api.executor.onQuery((e) => statements.push(e.cypher));
  });
  afterAll(async () => api?.close());

  async function countStatements(query: string): Promise<{ count: number; body: unknown }> {
    statements = [];
    const body = await gql(api.url, query);
    return { count: statements.length, body };
  }

  for (const [name, query] of Object.entries(MIX)) {
    it(`answers the bench query "${name}" with exactly one statement`, async () => {
      const { count, body } = await countStatements(query);
      expect((body as { errors?: unknown }).errors).toBeUndefined();
      expect(count).toBe(1);
    });
  }

  it("answers every README example with one statement, except the documented ones", async () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const counts: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const example of examples) {
      const { count } = await countStatements(example);
      const key = example.replace(/\s+/g, " ");
      counts[key] = count;
      expected[key] = README_EXCEPTIONS.find((e) => example.includes(e.match))?.statements ?? 1;
    }
    expect(counts).toEqual(expected);
  });

  it("reads the planned root fields of a request together: up to four in one statement, more in one statement per four", async () => {
    const roots = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: concept(id: "back-muscle-spasm") { name causedBy { id } }`).join(" ")} }`;
    const mixed = `{ c: concept(id: "disc-dislodgement") { name } r: relation(id: "sports-injury-dislodges-disc") { type } t: tours { id }
      s: searchAll(text: "spasm", first: 2) { score } }`;
    for (const [query, expected] of [[roots(4), 1], [roots(5), 2], [roots(9), 3], [mixed, 1]] as const) {
      const { count, body } = await countStatements(query);
      expect((body as { errors?: unknown }).errors).toBeUndefined();
      expect(count, query).toBe(expected);
    }
  });

  it("answers level by level, in more statements, when READ_PLANS is off (the parity tests' other side)", async () => {
    const loaded = await startLevelByLevelApi(api.executor);
    try {
      const query = MIX["condition overview (3 levels)"] as string;
      statements = [];
      const body = await gql(loaded.url, query);
      expect((body as { errors?: unknown }).errors).toBeUndefined();
      expect(statements.length).toBeGreaterThan(1);
    } finally {
      await loaded.close();
    }
  });

  it("keeps one statement when the unknown-id check fails, and answers NOT_FOUND as before", async () => {
    const { count, body } = await countStatements(`{ causalPathways(from: "no-such-concept", to: "back-muscle-spasm") { paths { hops } } }`);
    expect(count).toBe(1);
    expect((body as any).errors[0].extensions.code).toBe("NOT_FOUND");
    const overview = await countStatements(`{ concept(id: "no-such-concept") { id ... on Condition { symptoms { id } } } }`);
    expect(overview.count).toBe(1);
    expect((overview.body as any).errors[0].extensions.code).toBe("NOT_FOUND");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlData } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

const PAGE = `query($after: String) { concepts(first: 10, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }`;

describe.skipIf(noNeo4j)("keyset cursors under concurrent inserts", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => {
    await api?.executor.writeAll([{ cypher: "MATCH (c:Concept) WHERE c.id STARTS WITH 'inserted-' DETACH DELETE c", params: {} }]);
    await api?.close();
  });

  it("neither repeats nor skips a concept when others are inserted before the cursor between pages", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    for (;;) {
      const data: any = await gqlData(api.url, PAGE, { after });
      seen.push(...data.concepts.edges.map((e: any) => e.node.id));
      if (!data.concepts.pageInfo.hasNextPage) break;
      after = data.concepts.pageInfo.endCursor;
      // Names that sort before everything already read: an offset cursor would now repeat items.
      await api.executor.writeAll([
        {
          cypher: "CREATE (:Concept {id: $id, kind: 'symptom', name: $name, nameSort: $sort, synonyms: [], synonymsSort: [], summary: 'test', dataset: 'test'})",
          params: { id: `inserted-${page}`, name: `Aaa inserted ${page}`, sort: `aaa inserted ${page}` },
        },
      ]);
      page++;
    }
    const original = seen.filter((id) => !id.startsWith("inserted-"));
    expect(original).toHaveLength(46);
    expect(new Set(original).size).toBe(46);
  });
});

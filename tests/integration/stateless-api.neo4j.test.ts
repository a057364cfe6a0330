import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CONTRACT_CASES } from "../contract/all-cases.js";
import { type ApiProcess, startApiProcess } from "../support/api-process.js";
import { gql, gqlData } from "../support/graphql-client.js";
import { loadCuratedGraph, neo4jConnection, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

/** The routing form of a bolt:// address: what a cluster deployment (Aura, Enterprise) hands out. */
const routingUri = (uri: string) => uri.replace(/^bolt(\+s|\+ssc)?:/, "neo4j$1:");

describe.skipIf(noNeo4j)("several stateless API processes behind one Neo4j", () => {
  let a: ApiProcess;
  let b: ApiProcess;
  beforeAll(async () => {
    if (neo4jConnection === null) throw new Error("no Neo4j");
    const executor = testExecutor();
    await loadCuratedGraph(executor);
    await executor.close();
    // The same generous query timeout as the in-process test servers: this machine is shared and can be slow.
    const env = { NEO4J_URI: routingUri(neo4jConnection.uri), NEO4J_USER: neo4jConnection.user, NEO4J_PASSWORD: neo4jConnection.password, NEO4J_QUERY_TIMEOUT_MS: "30000" };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("serve over a neo4j:// routing address, reporting the Neo4j backend", async () => {
    for (const api of [a, b]) expect(await (await fetch(`${api.url}/ready`)).json()).toEqual({ status: "ready", backend: "neo4j" });
  });

  it("give identical answers to every contract case", async () => {
    for (const contractCase of ALL_CONTRACT_CASES) {
      const [fromA, fromB] = await Promise.all([a, b].map((api) => contractCase.run((query, variables) => gql(api.url, query, variables))));
      expect(JSON.stringify(fromB), contractCase.name).toBe(JSON.stringify(fromA));
      contractCase.check(fromA);
    }
  }, 180_000);

  it("accept each other's cursors, so a load balancer may send each page to any process", async () => {
    const page = `query($after: String) { concepts(first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { concepts: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const walk = async (pick: (i: number) => string): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const data: Page = await gqlData<Page>(pick(i), page, { after });
        ids.push(...data.concepts.edges.map((e) => e.node.id));
        if (!data.concepts.pageInfo.hasNextPage) return ids;
        after = data.concepts.pageInfo.endCursor;
      }
      throw new Error("more pages than expected");
    };
    const alternating = await walk((i) => (i % 2 === 0 ? a.url : b.url));
    const onlyA = await walk(() => a.url);
    expect(alternating).toEqual(onlyA);
    expect(new Set(alternating).size).toBe(alternating.length);
  });
});

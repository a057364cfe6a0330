import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

// A cluster routes READ transactions to secondaries; the server itself refuses a write inside one,
// which is how this test sees the access mode on a single instance.
describe.skipIf(noNeo4j)("reads use Neo4j's read access mode", () => {
  let executor: Neo4jExecutor;
  beforeAll(() => {
    executor = testExecutor();
  });
  afterAll(async () => {
    await executor.close();
  });

  it("runs every read in a READ transaction, where the server refuses a write", async () => {
    await expect(executor.read({ cypher: "CREATE (n:KgAccessModeProbe) RETURN count(n) AS n", params: {} })).rejects.toThrow(/read access mode|not allowed/i);
    const [row] = await executor.read({ cypher: "MATCH (n:KgAccessModeProbe) RETURN count(n) AS n", params: {} });
    expect(row?.["n"]).toBe(0);
  });

  it("runs writes in a WRITE transaction", async () => {
    const { counters } = await executor.writeAll([{ cypher: "CREATE (n:KgAccessModeProbe) DELETE n", params: {} }]);
    expect(counters.nodesCreated).toBe(1);
  });
});

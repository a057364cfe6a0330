import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

describe.skipIf(noNeo4j)("a failed statement's error", () => {
  let executor: Neo4jExecutor;
  beforeAll(() => {
    executor = testExecutor();
  });
  afterAll(async () => executor?.close());

  it("names the code that sent it, though the driver captures no trace per result", async () => {
    const failure = (await executor.read({ cypher: "RETURN $missing AS x", params: {} }).then(() => null, (e: unknown) => e)) as Error | null;
    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).toMatch(/missing/i);
    expect(failure?.stack).toMatch(/Neo4jExecutor\.(read|readWith|run)/);
  });
});

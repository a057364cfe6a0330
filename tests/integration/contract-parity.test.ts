import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { ALL_CONTRACT_CASES } from "../contract/all-cases.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j)("Neo4j and in-process backends return identical JSON", () => {
  let neo4j: SeededApi;
  let memory: RunningServer;
  beforeAll(async () => {
    neo4j = await startSeededNeo4jApi();
    memory = await startMemoryApi();
  });
  afterAll(async () => {
    await memory?.close();
    await neo4j?.close();
  });

  for (const contractCase of ALL_CONTRACT_CASES) {
    it(`agrees: ${contractCase.name}`, async () => {
      const fromNeo4j = await contractCase.run((q, v) => gql(neo4j.url, q, v));
      const fromMemory = await contractCase.run((q, v) => gql(memory.url, q, v));
      expect(JSON.stringify(fromMemory)).toBe(JSON.stringify(fromNeo4j));
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { ALL_CONTRACT_CASES } from "../contract/all-cases.js";
import { startTestServer } from "../support/api-server.js";
import { gql } from "../support/graphql-client.js";
import { noNeo4j, testNeo4jConfig } from "../support/neo4j-test-env.js";
import { startSeededReplicaApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j)("GraphQL API with the read replica on: the contract, byte for byte as Neo4j answers it", () => {
  let replica: SeededApi;
  let compiled: RunningServer;
  beforeAll(async () => {
    replica = await startSeededReplicaApi();
    compiled = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(testNeo4jConfig())));
  });
  afterAll(async () => {
    await compiled?.close();
    await replica?.close();
  });

  for (const contractCase of ALL_CONTRACT_CASES) {
    it(contractCase.name, async () => {
      const fromReplica = await contractCase.run((query, variables) => gql(replica.url, query, variables));
      contractCase.check(fromReplica);
      const fromNeo4j = await contractCase.run((query, variables) => gql(compiled.url, query, variables));
      expect(JSON.stringify(fromReplica)).toBe(JSON.stringify(fromNeo4j));
    });
  }
});

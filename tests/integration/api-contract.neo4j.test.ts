import { afterAll, beforeAll, describe, it } from "vitest";
import { ALL_CONTRACT_CASES } from "../contract/all-cases.js";
import { gql } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j)("GraphQL API over HTTP against Neo4j with the curated seed", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => api?.close());

  for (const contractCase of ALL_CONTRACT_CASES) {
    it(contractCase.name, async () => {
      contractCase.check(await contractCase.run((query, variables) => gql(api.url, query, variables)));
    });
  }
});

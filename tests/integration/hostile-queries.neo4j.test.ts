import { afterAll, beforeAll, describe } from "vitest";
import { hostileQueryTests } from "../support/hostile-suite.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j)("hostile queries against Neo4j", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => api?.close());

  hostileQueryTests(() => api);
});

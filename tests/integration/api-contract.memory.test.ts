import { afterAll, beforeAll, describe, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { ALL_CONTRACT_CASES } from "../contract/all-cases.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";

describe("GraphQL API over HTTP against the in-process graph (no database)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMemoryApi();
  });
  afterAll(async () => server?.close());

  for (const contractCase of ALL_CONTRACT_CASES) {
    it(contractCase.name, async () => {
      contractCase.check(await contractCase.run((query, variables) => gql(server.url, query, variables)));
    });
  }
});

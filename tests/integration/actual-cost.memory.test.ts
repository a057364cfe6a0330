import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";

describe("extensions.cost reports what a request really cost", () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startMemoryApi();
  });
  afterAll(async () => api?.close());

  it("adds the actual cost when a page came back smaller than asked for", async () => {
    const body = await gql<{ concepts: { nodes: unknown[] } }>(api.url, `{ concepts(first: 100) { nodes { id } } }`);
    const concepts = body.data?.concepts.nodes.length ?? 0;
    expect(concepts).toBeGreaterThan(0);
    expect(concepts).toBeLessThan(100);
    expect(body.extensions?.["cost"]).toMatchObject({ requested: 2 + 100 * 2, actual: 2 + concepts * 2 });
  });

  it("leaves it out when the response had exactly the sizes the request priced", async () => {
    const body = await gql(api.url, `{ concept(id: "back-muscle-spasm") { id name } }`);
    const cost = body.extensions?.["cost"] as Record<string, unknown>;
    expect(cost["requested"]).toBe(1);
    expect(cost).not.toHaveProperty("actual");
  });
});

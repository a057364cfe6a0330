import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND_EXAMPLES } from "../../src/http/playground-examples.js";
import type { RunningServer } from "../../src/http/server.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";

describe("the playground's example tabs", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMemoryApi();
  });
  afterAll(async () => server?.close());

  it.each(PLAYGROUND_EXAMPLES.map((e) => [e.title, e] as const))("%s runs as shipped and answers with data", async (_title, example) => {
    const variables = example.variables === undefined ? undefined : (JSON.parse(example.variables) as Record<string, unknown>);
    const response = await gql(server.url, example.query, variables);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data ?? {}).every((v) => v !== null)).toBe(true);
  });
});

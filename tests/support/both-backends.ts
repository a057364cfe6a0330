import { afterAll, beforeAll } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { startMemoryApi } from "./memory-api.js";
import { startSeededNeo4jApi, type SeededApi } from "./seeded-api.js";

/** The API over the seeded test Neo4j and over the in-process store, both from the curated seed. */
export interface BothBackendApis {
  readonly neo4j: SeededApi;
  readonly memory: RunningServer;
}

/**
 * Starts both APIs before the enclosing describe's tests and stops them after, for tests that ask the two backends
 * the same questions; the fields are set once the tests run.
 */
export function useBothBackendApis(): BothBackendApis {
  const apis = {} as { neo4j: SeededApi; memory: RunningServer };
  beforeAll(async () => {
    [apis.neo4j, apis.memory] = await Promise.all([startSeededNeo4jApi(), startMemoryApi()]);
  });
  afterAll(async () => {
    await apis.memory?.close();
    await apis.neo4j?.close();
  });
  return apis;
}

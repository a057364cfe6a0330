import type { RunningServer } from "../../src/http/server.js";
import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer } from "./api-server.js";
import { loadCuratedGraph, testExecutor } from "./neo4j-test-env.js";

export interface SeededApi {
  readonly url: string;
  readonly executor: Neo4jExecutor;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** Loads the curated graph into the test Neo4j and starts the HTTP API over it. */
export async function startSeededNeo4jApi(): Promise<SeededApi> {
  const executor = testExecutor();
  await loadCuratedGraph(executor);
  const server = await startTestServer(new Neo4jKnowledgeStore(executor));
  return { url: server.url, executor, server, close: () => server.close() };
}

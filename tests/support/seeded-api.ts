import type { ApiSettings, Neo4jConfig, RequestLimits } from "../../src/config/config.js";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer, testApiSettings } from "./api-server.js";
import { loadCuratedGraph, testNeo4jConfig } from "./neo4j-test-env.js";

export interface SeededApi {
  readonly url: string;
  readonly executor: Neo4jExecutor;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** Loads the curated graph into the test Neo4j and starts the HTTP API over it (executor settings, request limits and API settings may be overridden). */
export async function startSeededNeo4jApi(options: { neo4j?: Partial<Neo4jConfig>; requestLimits?: RequestLimits; settings?: ApiSettings } = {}): Promise<SeededApi> {
  const executor = Neo4jExecutor.create({ ...testNeo4jConfig(), ...options.neo4j });
  await loadCuratedGraph(executor);
  const server = await startTestServer(new Neo4jKnowledgeStore(executor), { requestLimits: options.requestLimits, ...(options.settings === undefined ? {} : { settings: options.settings }) });
  return { url: server.url, executor, server, close: () => server.close() };
}

/**
 * A second API over the same executor that answers every field level by level (READ_PLANS=false), to
 * compare with the planning one; closing it leaves the shared executor open.
 */
export function startLevelByLevelApi(executor: Neo4jExecutor): Promise<RunningServer> {
  const store = new Neo4jKnowledgeStore(executor);
  store.close = async () => {};
  return startTestServer(store, { settings: testApiSettings({ READ_PLANS: "false" }) });
}

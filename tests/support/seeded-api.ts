import { pino, type Logger } from "pino";
import type { ApiSettings, Neo4jConfig, ReplicaSettings, RequestLimits } from "../../src/config/config.js";
import { openNeo4jBackend, type Neo4jBackend } from "../../src/neo4j-backend.js";
import { curationReferenceLoader } from "../../src/seed/curation-reference.js";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer, testApiSettings } from "./api-server.js";
import { loadCuratedGraph, SEED_DIR, SOURCE_TEXT_DIR, testNeo4jConfig } from "./neo4j-test-env.js";

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

/** Replica settings for tests: a short poll, so a change made elsewhere shows within a fraction of a second. */
export const TEST_REPLICA = { pollMs: 100, maxConcepts: 100_000 };

/**
 * Loads the curated graph and starts the API as main.ts does with READ_REPLICA on (openNeo4jBackend), once
 * the replica serves its first snapshot. `executor` is the backend's own, so its statements can be counted.
 */
export async function startSeededReplicaApi(options: { replica?: Partial<ReplicaSettings>; settings?: ApiSettings; logger?: Logger } = {}): Promise<SeededApi & { backend: Neo4jBackend }> {
  const loader = Neo4jExecutor.create(testNeo4jConfig());
  await loadCuratedGraph(loader).finally(() => loader.close());
  const backend = openNeo4jBackend(testNeo4jConfig(), { ...TEST_REPLICA, ...options.replica }, curationReferenceLoader(SEED_DIR, SOURCE_TEXT_DIR), pino({ level: "silent" }));
  await backend.replica?.refresh();
  const server = await startTestServer(backend.store, { curation: backend.curation, ...(options.settings === undefined ? {} : { settings: options.settings }), ...(options.logger === undefined ? {} : { logger: options.logger }) });
  return { url: server.url, executor: backend.executor, server, backend, close: () => server.close() };
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

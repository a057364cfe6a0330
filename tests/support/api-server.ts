import { pino, type Logger } from "pino";
import { loadConfig, type ApiSettings, type RequestLimits } from "../../src/config/config.js";
import { startServer, type RunningServer } from "../../src/http/server.js";
import { Neo4jCurationStore } from "../../src/neo4j/neo4j-curation.store.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { curationReferenceLoader } from "../../src/seed/curation-reference.js";
import { SourceTextLibrary } from "../../src/seed/source-text.library.js";
import type { CurationDeps } from "../../src/services/curation.service.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { SEED_DIR, SOURCE_TEXT_DIR } from "./neo4j-test-env.js";

/**
 * The settings test servers run with: the production defaults for every limit (so the contract suite
 * proves the default cost budget admits it), but no rate limit, so suites are never throttled.
 */
export function testApiSettings(env: Record<string, string> = {}): ApiSettings {
  return loadConfig({ NODE_ENV: "test", RATE_LIMIT_ENABLED: "false", ...env }).api;
}

/** Request limits of test servers: a deadline long enough that a busy shared machine never trips it by accident. */
const TEST_REQUEST_LIMITS: RequestLimits = { timeoutMs: 60_000, maxConcurrentReads: 4 };

/**
 * Admission limits opened wide, for tests that prove the deadline and the pool share hold on their own,
 * for queries far beyond what the default cost, depth, alias and token limits would admit.
 */
export function unguardedApiSettings(): ApiSettings {
  return testApiSettings({ MAX_QUERY_COST: "1000000000000", MAX_QUERY_DEPTH: "1000", MAX_QUERY_ALIASES: "10000", MAX_QUERY_TOKENS: "1000000", MAX_RESPONSE_BYTES: "1073741824" });
}

export interface TestServerOptions {
  readonly settings?: ApiSettings;
  /** Logging is off unless a logger is given. */
  readonly logger?: Logger;
  /** Deadline and Neo4j transaction share per request; the defaults unless given. */
  readonly requestLimits?: RequestLimits;
  /** Where writes go, when not the Neo4j store's own curation (a read replica's, from openNeo4jBackend). */
  readonly curation?: CurationDeps;
}

/** Starts the real HTTP server on a free loopback port over the given store. */
export function startTestServer(store: KnowledgeStore, options: TestServerOptions = {}): Promise<RunningServer> {
  return startServer({
    store,
    sourceTexts: new SourceTextLibrary(SOURCE_TEXT_DIR),
    logger: options.logger ?? pino({ level: "silent" }),
    host: "127.0.0.1",
    port: 0,
    settings: options.settings ?? testApiSettings(),
    requestLimits: options.requestLimits ?? TEST_REQUEST_LIMITS,
    // A Neo4j store curates over its own executor, validated against the curated seed's sources, as main.ts wires it.
    ...(options.curation !== undefined ? { curation: options.curation } : {}),
    ...(options.curation === undefined && store instanceof Neo4jKnowledgeStore ? { curation: { store: new Neo4jCurationStore(store.executor), reference: curationReferenceLoader(SEED_DIR, SOURCE_TEXT_DIR) } } : {}),
  });
}

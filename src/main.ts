import { ConfigError, loadConfig, type AppConfig } from "./config/config.js";
import { createLogger } from "./http/logger.js";
import { startServer } from "./http/server.js";
import { Neo4jExecutor } from "./neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "./neo4j/neo4j-knowledge.store.js";
import type { KnowledgeStore } from "./store/knowledge-store.js";

async function createStore(config: AppConfig): Promise<KnowledgeStore> {
  if (config.neo4j === null) {
    throw new ConfigError("Invalid configuration: NEO4J_URI is not set (the in-process backend is not available yet)");
  }
  return new Neo4jKnowledgeStore(Neo4jExecutor.create(config.neo4j));
}

/** Starts the API: validated config, store, HTTP server, and a clean shutdown on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const store = await createStore(config);
  const ready = await store.ping();
  const server = await startServer({ store, logger, host: config.http.host, port: config.http.port });
  logger.info(
    { backend: store.backend, neo4j: config.neo4j?.uri ?? null, databaseReachable: ready, playground: `${server.url}/graphql` },
    `Knowledge graph API listening; playground at ${server.url}/graphql`,
  );
  if (!ready) logger.warn({ neo4j: config.neo4j?.uri }, "Neo4j is not reachable yet; /ready reports 503 until it is");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

import path from "node:path";
import { ConfigError, loadConfig, REPO_ROOT, type AppConfig } from "./config/config.js";
import { formatSeedIssue } from "./domain/seed-issue.js";
import { createLogger } from "./http/logger.js";
import { startServer } from "./http/server.js";
import { InMemoryKnowledgeStore } from "./memory/in-memory-knowledge.store.js";
import { curationReferenceLoader } from "./seed/curation-reference.js";
import { cachedSeedParser } from "./seed/seed-parse.cache.js";
import { readValidatedSeed } from "./seed/seed-pipeline.js";
import type { CurationDeps } from "./services/curation.service.js";
import { SourceTextLibrary } from "./seed/source-text.library.js";
import type { KnowledgeStore } from "./store/knowledge-store.js";

type Logger = ReturnType<typeof createLogger>;

/** Where parsed seed files are kept between starts (node_modules/.cache, where tools keep such caches). */
const SEED_PARSE_CACHE_DIR = path.join(REPO_ROOT, "node_modules", ".cache", "kg-seed-parse");

/**
 * Neo4j when NEO4J_URI is set, with curation over the same executor (writes are validated against the
 * seed's sources and tours); otherwise the in-process graph built from the seed folder, which refuses
 * writes (exits 1 on an invalid seed).
 */
async function createStore(config: AppConfig, logger: Logger): Promise<{ store: KnowledgeStore; curation?: CurationDeps }> {
  if (config.neo4j !== null) {
    // Imported here so that memory mode never loads the driver (about a tenth of the start-up's work).
    const { openNeo4jBackend } = await import("./neo4j-backend.js");
    const backend = openNeo4jBackend(config.neo4j, config.replica, curationReferenceLoader(config.seedDir, config.sourceTextDir), logger);
    if (config.replica !== null) {
      logger.info(config.replica, "READ_REPLICA is on: reads are answered from an in-process copy of the Neo4j graph, refreshed when it changes");
    }
    return backend;
  }
  const seed = await readValidatedSeed(config.seedDir, config.sourceTextDir, cachedSeedParser(SEED_PARSE_CACHE_DIR));
  for (const warning of seed.warnings) logger.warn({ seedDir: config.seedDir }, warning);
  if (!seed.ok) {
    console.error(`NEO4J_URI is not set and the seed in ${config.seedDir} has ${seed.issues.length} problem(s), so the in-process graph cannot be built:`);
    for (const issue of seed.issues) console.error(`  ${formatSeedIssue(issue)}`);
    process.exit(1);
  }
  const { graph } = seed;
  logger.info(
    { seedDir: config.seedDir, concepts: graph.concepts.length, relations: graph.relations.length, sources: graph.sources.length },
    "NEO4J_URI is not set: serving the in-process graph built from the seed (no database)",
  );
  return { store: InMemoryKnowledgeStore.fromGraph(graph) };
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
  const { store, curation } = await createStore(config, logger);
  // Asked while the server builds its schema: a connection to Neo4j is a round trip or a timeout, not work.
  const reachable = store.ping();
  const sourceTexts = new SourceTextLibrary(config.sourceTextDir, (problem) =>
    logger.warn({ sourceId: problem.sourceId, file: problem.file }, problem.reason === "missing" ? "source text not found: quotes of this source answer null" : "source text differs from the seed's SHA-256: quotes of this source answer null"),
  );
  const server = await startServer({ store, sourceTexts, logger, host: config.http.host, port: config.http.port, settings: config.api, requestLimits: config.requests, ...(curation === undefined ? {} : { curation }) }).catch((error: NodeJS.ErrnoException) => {
    const where = `${config.http.host}:${config.http.port}`;
    if (error.code === "EADDRINUSE") console.error(`Cannot listen on ${where}: the port is in use. Set PORT to a free port (or stop what holds it).`);
    else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") console.error(`Cannot listen on ${where}: no such address here. Set HOST to an address of this machine (e.g. 127.0.0.1).`);
    else if (error.code === "EACCES") console.error(`Cannot listen on ${where}: permission denied. Set PORT to 1024 or above.`);
    else throw error;
    process.exit(1);
  });
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
  // A rejection nobody handled is a bug, but one request's bug must not stop the service for everyone.
  process.on("unhandledRejection", (reason: unknown) => logger.error({ err: reason }, "unhandled promise rejection (kept running)"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const ready = await reachable;
  logger.info(
    { backend: store.backend, neo4j: config.neo4j?.uri ?? null, databaseReachable: ready, playground: `${server.url}/graphql`, curationTokens: config.api.curationTokens.length },
    `Knowledge graph API listening; playground at ${server.url}/graphql`,
  );
  if (!ready && config.neo4j !== null) logger.warn({ neo4j: config.neo4j?.uri }, "Neo4j is not reachable yet; /ready reports 503 until it is");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

import path from "node:path";
import { inject } from "vitest";
import { REPO_ROOT, type Neo4jConfig } from "../../src/config/config.js";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import { applyGraphSchema } from "../../src/neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { loadGraph } from "../../src/neo4j/seed-loader.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";

/** The Neo4j the global setup provided, or null when integration tests must skip. */
export const neo4jConnection = inject("neo4j");

/** True when there is no Neo4j for this run (the global setup printed why). */
export const noNeo4j = neo4jConnection === null;

export const SOURCE_TEXT_DIR = path.resolve(REPO_ROOT, "..", "shared", "sources");
export const SEED_DIR = path.join(REPO_ROOT, "graph-seed");
export const SCHEMA_DIR = path.join(REPO_ROOT, "schema");

/** Executor configuration for the provided Neo4j. */
export function testNeo4jConfig(): Neo4jConfig {
  if (neo4jConnection === null) throw new Error("no Neo4j in this run");
  return {
    uri: neo4jConnection.uri,
    user: neo4jConnection.user,
    password: neo4jConnection.password,
    database: "neo4j",
    queryTimeoutMs: 30_000,
    maxPoolSize: 20,
    connectTimeoutMs: 10_000,
    maxRetryMs: 3000,
  };
}

/** A new executor against the provided Neo4j; the caller closes it. */
export function testExecutor(): Neo4jExecutor {
  return Neo4jExecutor.create(testNeo4jConfig());
}

/** The curated seed, validated; throws with every issue when it does not validate. */
export async function curatedGraph(): Promise<KnowledgeGraph> {
  const seed = await readValidatedSeed(SEED_DIR, SOURCE_TEXT_DIR);
  if (!seed.ok) throw new Error(`curated seed is invalid:\n${seed.issues.map((i) => JSON.stringify(i)).join("\n")}`);
  return seed.graph;
}

/**
 * Applies the schema and loads the curated graph from scratch, as `npm run seed -- --reset` does; the
 * reset also drops the curation history an earlier test file left, so every file starts at graph version 0.
 */
export async function loadCuratedGraph(executor: Neo4jExecutor): Promise<KnowledgeGraph> {
  const graph = await curatedGraph();
  await applyGraphSchema(executor, SCHEMA_DIR);
  await loadGraph(executor, graph, { reset: true });
  return graph;
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureNeo4jBuilt, findFreePort, javaAndMavenAvailable, startNeo4j, type RunningNeo4j } from "../../tools/neo4j/neo4j-server.js";
import { assertSafeToResetGraph } from "./reset-guard.js";

export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jConnection | null;
  }
}

const banner = (lines: string[]): void => {
  const rule = "=".repeat(78);
  console.warn([rule, ...lines, rule].join("\n"));
};

/**
 * Gives the integration tests a real Neo4j: NEO4J_URI when set (and only when the reset guard allows
 * wiping it, see reset-guard.ts); otherwise a private instance on a free
 * port with a throwaway data directory when Java and Maven are present; otherwise none, and the
 * integration tests skip loudly. With REQUIRE_NEO4J=1 a missing Neo4j fails the run instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env["REQUIRE_NEO4J"] === "1";
  const uri = process.env["NEO4J_URI"];
  if (uri !== undefined && uri !== "") {
    const external = { uri, user: process.env["NEO4J_USER"] ?? "neo4j", password: process.env["NEO4J_PASSWORD"] ?? "knowledge-graph-dev" };
    await assertSafeToResetGraph(external);
    project.provide("neo4j", external);
    return async () => {};
  }
  if (!javaAndMavenAvailable()) {
    if (required) throw new Error("REQUIRE_NEO4J=1 but NEO4J_URI is unset and Java/Maven are missing, so no Neo4j can be started");
    banner([
      "NO NEO4J: NEO4J_URI is unset and Java + Maven are not installed.",
      "Every test that needs the database is SKIPPED. Set NEO4J_URI or install Java 17 and Maven.",
    ]);
    project.provide("neo4j", null);
    return async () => {};
  }
  let running: RunningNeo4j | null = null;
  const dataDir = await mkdtemp(path.join(tmpdir(), "kg-test-neo4j-"));
  try {
    await ensureNeo4jBuilt();
    const port = await findFreePort();
    running = await startNeo4j({ port, dataDir, heap: "1g", pageCache: "256m" });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    if (required) throw error;
    banner([`NEO4J FAILED TO START: ${error instanceof Error ? error.message : String(error)}`, "Every test that needs the database is SKIPPED."]);
    project.provide("neo4j", null);
    return async () => {};
  }
  project.provide("neo4j", { uri: running.uri, user: running.user, password: running.password });
  const started = running;
  return async () => {
    await started.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

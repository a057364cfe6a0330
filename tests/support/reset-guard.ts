/**
 * `npm test` deletes and reloads the graph in the database it is given. When that database comes from the
 * environment (NEO4J_URI) rather than the suite's own throwaway Neo4j, the run is allowed only when
 *   - KG_TEST_ALLOW_RESET=1 says the database may be wiped (CI sets it for its fresh Neo4j), or
 *   - the database holds no nodes at all (it is then marked as a test database, so later runs are allowed), or
 *   - it holds the test-database marker node from such an earlier run.
 * Anything else might be someone's data, so the run stops before touching it.
 */
import neo4j from "neo4j-driver";

/** Label of the single node that marks a database as owned by the test suite (the graph reset leaves it alone). */
export const TEST_DATABASE_MARKER = "KgTestDatabase";

export interface ExternalNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/** Thrown when the suite must not reset the database NEO4J_URI points at; the message says what to do. */
export class UnsafeTestDatabaseError extends Error {
  override readonly name = "UnsafeTestDatabaseError";
}

/** Resolves when the tests may reset the graph at `target` (see the rules above), marking an empty database; rejects with UnsafeTestDatabaseError otherwise. */
export async function assertSafeToResetGraph(target: ExternalNeo4j, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env["KG_TEST_ALLOW_RESET"] === "1") return;
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { connectionTimeout: 10_000, disableLosslessIntegers: true });
  try {
    const session = driver.session({ database: "neo4j" });
    try {
      const counts = await session.run(`MATCH (n) RETURN count(n) AS nodes, count(CASE WHEN n:${TEST_DATABASE_MARKER} THEN 1 END) AS markers`);
      const nodes = Number(counts.records[0]?.get("nodes") ?? 0);
      const markers = Number(counts.records[0]?.get("markers") ?? 0);
      if (markers > 0) return;
      if (nodes === 0) {
        await session.run(`MERGE (m:${TEST_DATABASE_MARKER}) SET m.claimedAt = datetime()`);
        return;
      }
      throw new UnsafeTestDatabaseError(
        [
          `Refusing to run the tests against NEO4J_URI=${target.uri}: npm test deletes and reloads the graph there, and that database holds ${nodes} node(s) but no :${TEST_DATABASE_MARKER} marker, so it may be someone's data.`,
          "Unset NEO4J_URI (the suite then starts its own throwaway Neo4j), point it at an empty database,",
          "or set KG_TEST_ALLOW_RESET=1 if this database may be wiped.",
        ].join("\n"),
      );
    } finally {
      await session.close();
    }
  } catch (error) {
    if (error instanceof UnsafeTestDatabaseError) throw error;
    throw new UnsafeTestDatabaseError(
      `Cannot check NEO4J_URI=${target.uri} before the tests reset it: ${error instanceof Error ? error.message : String(error)}. Start that Neo4j, unset NEO4J_URI, or set KG_TEST_ALLOW_RESET=1.`,
    );
  } finally {
    await driver.close();
  }
}

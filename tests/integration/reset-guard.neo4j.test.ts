import { spawnSync } from "node:child_process";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { assertSafeToResetGraph, TEST_DATABASE_MARKER, UnsafeTestDatabaseError } from "../support/reset-guard.js";
import { loadCuratedGraph, neo4jConnection, noNeo4j, testExecutor } from "../support/neo4j-test-env.js";

describe.skipIf(noNeo4j)("the test suite's guard against resetting someone's database", () => {
  let driver: Driver;
  const target = () => {
    if (neo4jConnection === null) throw new Error("no Neo4j");
    return neo4jConnection;
  };
  const run = async (cypher: string) => {
    const session = driver.session({ database: "neo4j" });
    try {
      return await session.run(cypher);
    } finally {
      await session.close();
    }
  };
  const loadGraph = async () => {
    const executor = testExecutor();
    try {
      await loadCuratedGraph(executor);
    } finally {
      await executor.close();
    }
  };

  beforeAll(() => {
    driver = neo4j.driver(target().uri, neo4j.auth.basic(target().user, target().password));
  });
  afterAll(async () => {
    await run(`MATCH (m:${TEST_DATABASE_MARKER}) DELETE m`);
    await driver.close();
  });

  it("refuses a database that holds nodes and no test marker, naming NEO4J_URI and the flag", async () => {
    await run(`MATCH (m:${TEST_DATABASE_MARKER}) DELETE m`);
    await loadGraph();
    const attempt = assertSafeToResetGraph(target(), {});
    await expect(attempt).rejects.toBeInstanceOf(UnsafeTestDatabaseError);
    await expect(attempt).rejects.toThrow(new RegExp(`Refusing to run the tests against NEO4J_URI=${target().uri.replaceAll(".", "\\.")}: .* holds \\d+ node\\(s\\)`));
    await expect(attempt).rejects.toThrow(/KG_TEST_ALLOW_RESET=1/);
  });

  it("makes `npm test` fail in its global setup before any test touches that database", () => {
    const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "tests/unit/cursor-codec.test.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: target().uri, NEO4J_USER: target().user, NEO4J_PASSWORD: target().password, KG_TEST_ALLOW_RESET: "", VITEST_JSON_REPORT: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(`Refusing to run the tests against NEO4J_URI=${target().uri}`);
  });

  it("allows that database when KG_TEST_ALLOW_RESET=1, without writing a marker", async () => {
    await expect(assertSafeToResetGraph(target(), { KG_TEST_ALLOW_RESET: "1" })).resolves.toBeUndefined();
    const markers = await run(`MATCH (m:${TEST_DATABASE_MARKER}) RETURN count(m) AS n`);
    expect(Number(markers.records[0]?.get("n"))).toBe(0);
  });

  it("allows an empty database and marks it, so a later run with the graph loaded is allowed too", async () => {
    await run("MATCH (n) DETACH DELETE n");
    await expect(assertSafeToResetGraph(target(), {})).resolves.toBeUndefined();
    const markers = await run(`MATCH (m:${TEST_DATABASE_MARKER}) RETURN count(m) AS n`);
    expect(Number(markers.records[0]?.get("n"))).toBe(1);
    await loadGraph();
    await expect(assertSafeToResetGraph(target(), {})).resolves.toBeUndefined();
  });

  it("refuses with a clear message when the database cannot be reached", async () => {
    const unreachable = { ...target(), uri: "bolt://127.0.0.1:1" };
    await expect(assertSafeToResetGraph(unreachable, {})).rejects.toThrow(/Cannot check NEO4J_URI=bolt:\/\/127\.0\.0\.1:1 before the tests reset it/);
  });
});

import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for Apollo; send inlined modules to the same file so only one graphql runs.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // CI asks for a machine-readable summary as well (VITEST_JSON_REPORT=path); people get the default reporter.
    reporters: process.env["VITEST_JSON_REPORT"] ? ["default", ["json", { outputFile: process.env["VITEST_JSON_REPORT"] }]] : ["default"],
    globalSetup: ["tests/support/neo4j.global-setup.ts"],
    // Integration files share one Neo4j database (Community has one user database), so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    server: { deps: { inline: ["type-graphql", "graphql-scalars"] } },
  },
});

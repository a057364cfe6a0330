import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/neo4j.global-setup.ts"],
    // Integration files share one Neo4j database (Community has one user database), so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    server: { deps: { inline: ["type-graphql"] } },
  },
});

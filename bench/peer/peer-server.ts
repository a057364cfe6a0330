/**
 * The peer setup as its own process: `@neo4j/graphql` 7 with bench/peer/peer-type-defs.ts, served by Apollo
 * Server's standalone HTTP server on 127.0.0.1:PEER_PORT, over the Neo4j at NEO4J_URI (user neo4j,
 * NEO4J_PASSWORD). This is how the library's getting-started guide serves a schema. Started by the benchmark
 * (bench/peer/peer-process.ts); it prints "peer ready" on stdout once it listens.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { PEER_TYPE_DEFS } from "./peer-type-defs.js";

/** Reads a required environment variable or stops with a message naming it. */
function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} must be set`);
  return value;
}

async function main(): Promise<void> {
  const port = Number(required("PEER_PORT"));
  const driver = neo4j.driver(required("NEO4J_URI"), neo4j.auth.basic("neo4j", required("NEO4J_PASSWORD")), { maxConnectionPoolSize: 50 });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
  const stop = (): void => {
    void server.stop().then(() => driver.close()).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log("peer ready");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

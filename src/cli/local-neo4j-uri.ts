/** The Bolt address `npm run neo4j` listens on for the same environment (a wildcard listen host is reached via loopback). */
export function localNeo4jUri(env: NodeJS.ProcessEnv): string {
  const host = env["NEO4J_BOLT_HOST"]?.trim() || "127.0.0.1";
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  return `bolt://${reachable}:${env["NEO4J_BOLT_PORT"]?.trim() || "7687"}`;
}

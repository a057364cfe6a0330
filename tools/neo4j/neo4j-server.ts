/**
 * A real Neo4j 5.26 Community server for development and tests, without Docker: the public entry of tools/neo4j.
 *
 * The server is a small Java launcher (tools/neo4j/src/main/java/kg/neo4j/EmbeddedNeo4j.java) around
 * Neo4j embedded, built with Maven from tools/neo4j/pom.xml. Only the Bolt connector is enabled.
 * The pieces live in lib/: paths, options (defaults and env), java-tooling, maven-build (+ build-lock),
 * ports, bolt-readiness, neo4j-process (launch/stop), pid-file (for `npm run neo4j:stop`) and neo4j-admin
 * (the import tool from the same jars).
 */
export { NEO4J_TOOL_DIR, REPO_ROOT } from "./lib/paths.js";
export { NEO4J_DEFAULTS, neo4jOptionsFromEnv, type Neo4jEnvOptions, type StartNeo4jOptions } from "./lib/options.js";
export { javaAndMavenAvailable } from "./lib/java-tooling.js";
export { ensureNeo4jBuilt } from "./lib/maven-build.js";
export { assertPortFree, findFreePort } from "./lib/ports.js";
export { startNeo4j, type RunningNeo4j } from "./lib/neo4j-process.js";
export { importSummary, runNeo4jAdmin, type ImportSummary, type Neo4jAdminOptions, type Neo4jAdminResult } from "./lib/neo4j-admin.js";

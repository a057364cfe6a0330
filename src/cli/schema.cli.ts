import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../config/config.js";
import { constraintStatements, indexStatements, renderCypherFile } from "../neo4j/cypher/graph-schema.cypher.js";

/** Writes the generated schema files under schema/: Neo4j constraints and indexes (and, later, the SDL). */
async function main(): Promise<void> {
  const dir = path.join(REPO_ROOT, "schema");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "constraints.cypher"), renderCypherFile("Neo4j constraints of the knowledge graph", constraintStatements()));
  await writeFile(path.join(dir, "indexes.cypher"), renderCypherFile("Neo4j indexes of the knowledge graph", indexStatements()));
  console.log(`Wrote schema/constraints.cypher and schema/indexes.cypher`);
}

await main();

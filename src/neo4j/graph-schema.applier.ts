import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseCypherFile } from "./cypher/graph-schema.cypher.js";
import type { Neo4jExecutor } from "./neo4j-executor.js";

/**
 * Applies every statement of schema/*.cypher (files in name order), then waits until all indexes are
 * online, because full-text indexes fill asynchronously. Returns the number of statements run.
 */
export async function applyGraphSchema(executor: Neo4jExecutor, schemaDir: string, awaitSeconds = 300): Promise<number> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith(".cypher")).sort();
  let count = 0;
  for (const file of files) {
    for (const statement of parseCypherFile(await readFile(path.join(schemaDir, file), "utf8"))) {
      await executor.runSchemaStatement({ cypher: statement, params: {} });
      count++;
    }
  }
  await awaitIndexes(executor, awaitSeconds);
  return count;
}

/** Blocks until every index is online, or fails after the given number of seconds. */
export async function awaitIndexes(executor: Neo4jExecutor, seconds: number): Promise<void> {
  await executor.runSchemaStatement({ cypher: "CALL db.awaitIndexes($seconds)", params: { seconds } });
}

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../config/config.js";
import { renderSchemaFiles } from "./schema-files.js";

/** Writes the generated files under schema/: the GraphQL SDL and the Neo4j constraints and indexes. */
async function main(): Promise<void> {
  const dir = path.join(REPO_ROOT, "schema");
  await mkdir(dir, { recursive: true });
  const files = await renderSchemaFiles();
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  console.log(`Wrote ${Object.keys(files).map((f) => `schema/${f}`).join(", ")}`);
}

await main();

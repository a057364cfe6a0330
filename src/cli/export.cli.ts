import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config.js";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { formatSeedIssue } from "../domain/seed-issue.js";
import type { ExportMetadata } from "../export/export-file.js";
import { EXPORT_FORMATS, exportFiles, isExportFormat, type ExportFormat } from "../export/export-formats.js";
import { Neo4jCurationStore } from "../neo4j/neo4j-curation.store.js";
import { Neo4jExecutor } from "../neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../neo4j/neo4j-knowledge.store.js";
import { readValidatedSeed } from "../seed/seed-pipeline.js";
import { readGraphSnapshot } from "../services/graph-snapshot.service.js";

const USAGE = `Usage: npm run export -- --format ${EXPORT_FORMATS.join("|")}|all --out DIR

Writes the knowledge graph in the given format into DIR (created if missing; "all" writes one
sub-folder per format). Reads Neo4j when NEO4J_URI is set, otherwise the validated seed in SEED_DIR.
  kgx        KGX (Biolink) nodes/edges as TSV and as JSON Lines
  graphml    GraphML for Gephi, yEd and Cytoscape desktop
  csv        neo4j-admin database import CSV, with import.sh
  cytoscape  Cytoscape JSON`;

async function readGraph(): Promise<{ graph: KnowledgeGraph; meta: ExportMetadata; from: string } | { problems: string[] }> {
  const config = loadConfig();
  if (config.neo4j !== null) {
    const executor = Neo4jExecutor.create(config.neo4j);
    const store = new Neo4jKnowledgeStore(executor);
    try {
      if (!(await store.ping())) return { problems: [`Cannot reach Neo4j at ${config.neo4j.uri} (NEO4J_URI is set).`] };
      // The version is read first: a change committed meanwhile makes the export newer than it says, never older.
      const graphVersion = String(await new Neo4jCurationStore(executor).graphVersion());
      return { graph: await readGraphSnapshot(store), meta: { graphVersion }, from: `Neo4j at ${config.neo4j.uri} (database ${config.neo4j.database})` };
    } finally {
      await store.close();
    }
  }
  const seed = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  if (!seed.ok) return { problems: [`The seed in ${config.seedDir} is invalid:`, ...seed.issues.map((i) => `  ${formatSeedIssue(i)}`)] };
  // The seed as it stands is an uncurated graph: version 0, as the API reports for it.
  return { graph: seed.graph, meta: { graphVersion: "0" }, from: `the validated seed in ${config.seedDir} (NEO4J_URI is not set)` };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { format: { type: "string" }, out: { type: "string" }, help: { type: "boolean", default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format;
  if (format === undefined || values.out === undefined || (format !== "all" && !isExportFormat(format))) {
    console.error(format !== undefined && format !== "all" && !isExportFormat(format) ? `Unknown format "${format}".\n${USAGE}` : USAGE);
    return 2;
  }
  const formats: readonly ExportFormat[] = format === "all" ? EXPORT_FORMATS : [format];
  const read = await readGraph();
  if ("problems" in read) {
    for (const line of read.problems) console.error(line);
    return 1;
  }
  const { graph, meta } = read;
  console.log(`Read ${graph.concepts.length} concepts, ${graph.relations.length} relations and ${graph.sources.length} sources from ${read.from}.`);
  for (const f of formats) {
    const dir = format === "all" ? path.join(values.out, f) : values.out;
    await mkdir(dir, { recursive: true });
    for (const file of exportFiles(f, graph, meta)) {
      const target = path.join(dir, file.name);
      await writeFile(target, file.text, { mode: file.name.endsWith(".sh") ? 0o755 : 0o644 });
      console.log(`  ${f.padEnd(9)} ${target} (${Buffer.byteLength(file.text)} bytes)`);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

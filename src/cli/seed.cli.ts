import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, REPO_ROOT, loadConfig, type AppConfig } from "../config/config.js";
import { formatSeedIssue } from "../domain/seed-issue.js";
import { applyGraphSchema } from "../neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../neo4j/neo4j-executor.js";
import { loadGraph } from "../neo4j/seed-loader.js";
import { readLiveGraph } from "../neo4j/live-graph.reader.js";
import { readValidatedSeed } from "../seed/seed-pipeline.js";
import { formatLoadReport } from "../seed/load-report.format.js";
import { exportSeed, formatExportChanges, type SeedExportOptions } from "../seed/seed-export.js";
import { OutputFolderNotEmptyError } from "../seed/seed-folder.writer.js";
import { localNeo4jUri } from "./local-neo4j-uri.js";

const USAGE = `Usage: npm run seed -- [--reset] [--check] [--wait SECONDS]
       npm run seed -- --export DIR [--force] [--base DIR | --no-base] [--wait SECONDS]

Validates graph-seed/ and loads it into Neo4j at NEO4J_URI; when that is unset, at the address
\`npm run neo4j\` uses: bolt://NEO4J_BOLT_HOST:NEO4J_BOLT_PORT (default bolt://127.0.0.1:7687).
  --reset         remove the previously loaded graph first
  --check         validate only; do not touch the database
  --wait SECONDS  wait up to this long for Neo4j to come up (default 0: fail at once)
  --export DIR    write the graph in Neo4j back as a seed folder in DIR (validated first; all or nothing)
  --force         with --export: replace DIR when it is not empty
  --base DIR      with --export: keep this seed's layout, comments and attributions (default: SEED_DIR)
  --no-base       with --export: write every file afresh in the seed style`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      reset: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      wait: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
      export: { type: "string" },
      force: { type: "boolean", default: false },
      base: { type: "string" },
      "no-base": { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const waitSeconds = Number(values.wait);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 3600) {
    console.error(`--wait must be a whole number of seconds from 0 to 3600, got "${values.wait}"`);
    return 2;
  }
  const exportOnly = [values.force && "--force", values.base !== undefined && "--base", values["no-base"] && "--no-base"].filter(Boolean);
  if (values.export === undefined && exportOnly.length > 0) {
    console.error(`${exportOnly.join(", ")} only go with --export DIR`);
    return 2;
  }
  if (values.export !== undefined && (values.reset || values.check || (values.base !== undefined && values["no-base"]))) {
    console.error("--export reads the graph and writes files: it does not go with --reset, --check, or --base together with --no-base");
    return 2;
  }
  // An export is a batch job, not a request: unless told otherwise, each page may take up to a minute.
  const exportTimeout = values.export !== undefined && !process.env["NEO4J_QUERY_TIMEOUT_MS"] ? { NEO4J_QUERY_TIMEOUT_MS: "60000" } : {};
  const config = loadConfig({ ...process.env, NEO4J_URI: process.env["NEO4J_URI"] || localNeo4jUri(process.env), ...exportTimeout });
  if (values.export !== undefined) {
    const baseDir = values["no-base"] ? null : path.resolve(values.base ?? config.seedDir);
    const options: SeedExportOptions = { outDir: path.resolve(values.export), force: values.force, baseDir, sourceTextDir: config.sourceTextDir };
    return withReachableNeo4j(config, waitSeconds, (executor) => exportGraph(executor, options));
  }
  const seed = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  for (const w of seed.warnings) console.warn(`warning: ${w}`);
  if (!seed.ok) {
    console.error(`The seed has ${seed.issues.length} problem(s); nothing was written:`);
    for (const issue of seed.issues) console.error(`  ${formatSeedIssue(issue)}`);
    return 1;
  }
  const { graph } = seed;
  const evidence = graph.relations.reduce((n, r) => n + r.evidence.length, 0);
  console.log(`Seed is valid: ${graph.concepts.length} concepts, ${graph.relations.length} relations, ${evidence} evidence records, ${graph.sources.length} sources.`);
  const steps = graph.tours.reduce((n, t) => n + t.steps.length, 0);
  console.log(`Guided tours: ${graph.tours.length}, with ${steps} steps.`);
  if (values.check) return 0;

  return withReachableNeo4j(config, waitSeconds, async (executor) => {
    const statements = await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
    console.log(`Applied ${statements} schema statements from schema/*.cypher.`);
    const report = await loadGraph(executor, graph, { reset: values.reset });
    console.log(formatLoadReport(report, { reset: values.reset }));
    return 0;
  });
}

/** Reads the live graph out of Neo4j and writes it as a seed folder; prints what it wrote or why it wrote nothing. */
async function exportGraph(executor: Neo4jExecutor, options: SeedExportOptions): Promise<number> {
  const result = await exportSeed(await readLiveGraph(executor), options).catch((error: unknown) => {
    if (error instanceof OutputFolderNotEmptyError) return error;
    throw error;
  });
  if (result instanceof OutputFolderNotEmptyError) {
    console.error(`Nothing written: ${result.message}.`);
    return 2;
  }
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  if (!result.ok) {
    console.error(`The graph in Neo4j would not re-seed: ${result.issues.length} problem(s); nothing was written:`);
    for (const issue of result.issues) console.error(`  ${formatSeedIssue(issue)}`);
    return 1;
  }
  const { counts } = result;
  console.log(`Exported ${counts.concepts} concepts, ${counts.relations} relations, ${counts.evidence} evidence records, ${counts.sources} sources and ${counts.tours} tours to ${options.outDir}.`);
  console.log(formatExportChanges(result, options.baseDir));
  return 0;
}

/**
 * Opens an executor on the configured Neo4j, waits up to `waitSeconds` for it to answer, runs `work` with it and
 * closes it; exit code 2, with how to start Neo4j, when it never answered.
 */
async function withReachableNeo4j(config: AppConfig, waitSeconds: number, work: (executor: Neo4jExecutor) => Promise<number>): Promise<number> {
  const neo4j = config.neo4j;
  if (neo4j === null) throw new Error("unreachable: NEO4J_URI has a default here");
  const executor = Neo4jExecutor.create(neo4j);
  try {
    if (!(await waitForNeo4j(executor, waitSeconds))) {
      console.error(`Cannot reach Neo4j at ${neo4j.uri} as ${neo4j.user}. Start it with \`npm run neo4j\` or set NEO4J_URI.`);
      return 2;
    }
    return await work(executor);
  } finally {
    await executor.close();
  }
}

/** Polls Neo4j once a second until it answers or the time is up; true when it answered. */
async function waitForNeo4j(executor: Neo4jExecutor, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (await executor.ping()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`Seed load failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);

import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, REPO_ROOT, loadConfig } from "../config/config.js";
import { formatSeedIssue } from "../domain/seed-issue.js";
import { applyGraphSchema } from "../neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../neo4j/neo4j-executor.js";
import { loadGraph } from "../neo4j/seed-loader.js";
import { readValidatedSeed } from "../seed/seed-pipeline.js";
import { formatLoadReport } from "../seed/load-report.format.js";

const USAGE = `Usage: npm run seed -- [--reset] [--check] [--wait SECONDS]

Validates graph-seed/ and loads it into Neo4j (NEO4J_URI, default bolt://127.0.0.1:7687).
  --reset         remove the previously loaded graph first
  --check         validate only; do not touch the database
  --wait SECONDS  wait up to this long for Neo4j to come up (default 0: fail at once)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      reset: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      wait: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
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
  const config = loadConfig({ NEO4J_URI: "bolt://127.0.0.1:7687", ...process.env });
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

  const neo4j = config.neo4j;
  if (neo4j === null) throw new Error("unreachable: NEO4J_URI has a default here");
  const executor = Neo4jExecutor.create(neo4j);
  try {
    if (!(await waitForNeo4j(executor, waitSeconds))) {
      console.error(`Cannot reach Neo4j at ${neo4j.uri} as ${neo4j.user}. Start it with \`npm run neo4j\` or set NEO4J_URI.`);
      return 2;
    }
    const statements = await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
    console.log(`Applied ${statements} schema statements from schema/*.cypher.`);
    const report = await loadGraph(executor, graph, { reset: values.reset });
    console.log(formatLoadReport(report, { reset: values.reset }));
    return 0;
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

import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT, loadConfig } from "../config/config.js";
import { formatSeedIssue } from "../domain/seed-issue.js";
import { measureShape } from "../generate/graph-shape.js";
import { writeSyntheticSeed } from "../generate/seed-writer.js";
import { generateSyntheticSeed } from "../generate/synthetic-seed.js";
import { readValidatedSeed } from "../seed/seed-pipeline.js";
import { validateSeed } from "../domain/seed-validator.js";
import { syntheticSeedInput } from "../generate/seed-input.js";
import { applyGraphSchema } from "../neo4j/graph-schema.applier.js";
import { Neo4jExecutor } from "../neo4j/neo4j-executor.js";
import { loadGraph } from "../neo4j/seed-loader.js";
import { DEFAULT_BATCH_SIZE } from "../neo4j/staged-loader.js";
import { formatLoadReport } from "../seed/load-report.format.js";
import { localNeo4jUri } from "./local-neo4j-uri.js";

const USAGE = `Usage: npm run generate -- --concepts N [--seed S] [--out DIR] [--check]
       npm run generate -- --concepts N [--seed S] --load [--reset] [--batch-size B]

Writes a synthetic seed of N concepts shaped like the curated graph (kind mix, link patterns,
evidence per relation, hub-heavy degrees) into DIR/seed and its filler source text into DIR/sources.
Load it with SEED_DIR=DIR/seed SOURCE_TEXT_DIR=DIR/sources npm run seed -- --reset, or serve it in
memory with the same two variables and npm start. The same N and S always give the same files.
  --concepts N  how many concepts (10 to 2000000)
  --seed S      PRNG seed, a whole number (default 1)
  --out DIR     output folder (default .tmp/generated/N-S)
  --check       validate the written seed with the seed validator
  --load        validate the generated seed in memory and load it straight into Neo4j (no files;
                NEO4J_URI, else bolt://NEO4J_BOLT_HOST:NEO4J_BOLT_PORT), in staged batches
  --reset       with --load: replace the graph already stored
  --batch-size  with --load: rows per UNWIND statement (default ${DEFAULT_BATCH_SIZE})`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concepts: { type: "string" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      load: { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      "batch-size": { type: "string", default: String(DEFAULT_BATCH_SIZE) },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || values.concepts === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const concepts = Number(values.concepts);
  const seed = Number(values.seed);
  if (!Number.isInteger(concepts) || concepts < 10 || concepts > 2_000_000) {
    console.error(`--concepts must be a whole number from 10 to 2000000, got "${values.concepts}"`);
    return 2;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    console.error(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, got "${values.seed}"`);
    return 2;
  }
  if (values.load) return generateAndLoad(concepts, seed, { reset: values.reset, batchSize: Number(values["batch-size"]) });
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, ".tmp", "generated", `${concepts}-${seed}`));
  const config = loadConfig();
  const template = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  if (!template.ok) {
    console.error(`The template seed in ${config.seedDir} is invalid; fix it first:`);
    for (const issue of template.issues) console.error(`  ${formatSeedIssue(issue)}`);
    return 1;
  }
  const started = performance.now();
  const generated = generateSyntheticSeed(measureShape(template.graph), { concepts, seed });
  const written = await writeSyntheticSeed(generated, out);
  const evidence = generated.relations.reduce((n, r) => n + r.evidence.length, 0);
  console.log(
    `Wrote ${generated.concepts.length} concepts, ${generated.relations.length} relations, ${evidence} evidence records to ${written.seedDir} ` +
      `(source text in ${written.sourceTextDir}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (values.check) {
    const check = await readValidatedSeed(written.seedDir, written.sourceTextDir);
    if (!check.ok) {
      console.error(`The generated seed has ${check.issues.length} problem(s):`);
      for (const issue of check.issues.slice(0, 20)) console.error(`  ${formatSeedIssue(issue)}`);
      return 1;
    }
    console.log("The generated seed is valid.");
  }
  return 0;
}

/** Generates, validates in memory and loads into Neo4j in staged batches; prints load time and rates. */
async function generateAndLoad(concepts: number, seed: number, options: { reset: boolean; batchSize: number }): Promise<number> {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 100_000) {
    console.error(`--batch-size must be a whole number from 1 to 100000`);
    return 2;
  }
  const config = loadConfig({ ...process.env, NEO4J_URI: process.env["NEO4J_URI"] || localNeo4jUri(process.env) });
  const template = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  if (!template.ok) {
    console.error(`The template seed in ${config.seedDir} is invalid; fix it first.`);
    return 1;
  }
  let started = performance.now();
  const generated = generateSyntheticSeed(measureShape(template.graph), { concepts, seed });
  const validated = validateSeed(syntheticSeedInput(generated));
  if (!validated.ok) {
    console.error(`The generated seed has ${validated.issues.length} problem(s); nothing was written:`);
    for (const issue of validated.issues.slice(0, 20)) console.error(`  ${formatSeedIssue(issue)}`);
    return 1;
  }
  const { graph } = validated;
  console.log(`Generated and validated ${graph.concepts.length} concepts, ${graph.relations.length} relations in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  const neo4j = config.neo4j;
  if (neo4j === null) throw new Error("unreachable: NEO4J_URI has a default here");
  const executor = Neo4jExecutor.create(neo4j);
  try {
    await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
    started = performance.now();
    let lastPrinted = started;
    const report = await loadGraph(executor, graph, {
      reset: options.reset,
      batched: true,
      batchSize: options.batchSize,
      onStep: ({ what, done }) => {
        if (performance.now() - lastPrinted < 10_000) return;
        lastPrinted = performance.now();
        console.log(`  ${((lastPrinted - started) / 1000).toFixed(0)} s: ${done} batches committed, last: ${what}`);
      },
    });
    console.log(formatLoadReport(report, { reset: options.reset }));
    const seconds = report.durationMs / 1000;
    const swap = report.batched === undefined ? "" : ` (staging ${(report.batched.stagingMs / 1000).toFixed(1)} s in ${report.batched.steps} batches, swap ${(report.batched.swapMs / 1000).toFixed(1)} s, removing the replaced graph ${(report.batched.cleanupMs / 1000).toFixed(1)} s)`;
    console.log(
      `LOAD_RATE ${JSON.stringify({ concepts: graph.concepts.length, relations: graph.relations.length, seconds, relationsPerSecond: graph.relations.length / seconds, relationshipsPerSecond: report.counters.relationshipsCreated / seconds, relationshipsCreated: report.counters.relationshipsCreated, nodesCreated: report.counters.nodesCreated })}`,
    );
    console.log(`Loaded in ${seconds.toFixed(1)} s${swap}: ${Math.round(graph.relations.length / seconds)} relations/s, ${Math.round(report.counters.relationshipsCreated / seconds)} relationships/s of all types.`);
    return 0;
  } finally {
    await executor.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

import path from "node:path";
import { REPO_ROOT, loadConfig } from "../src/config/config.js";
import { validateSeed } from "../src/domain/seed-validator.js";
import { measureShape } from "../src/generate/graph-shape.js";
import { syntheticSeedInput } from "../src/generate/seed-input.js";
import { writeSyntheticSeed, type WrittenSeed } from "../src/generate/seed-writer.js";
import { generateSyntheticSeed, type SyntheticSeed } from "../src/generate/synthetic-seed.js";
import { applyGraphSchema } from "../src/neo4j/graph-schema.applier.js";
import type { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";
import { loadGraph } from "../src/neo4j/seed-loader.js";
import { readValidatedSeed } from "../src/seed/seed-pipeline.js";
import { stat } from "node:fs/promises";
import type { KnowledgeGraph } from "../src/domain/knowledge-graph.model.js";

/** What loading one size took. */
export interface LoadFigures {
  readonly concepts: number;
  readonly relations: number;
  readonly evidence: number;
  readonly relationshipsCreated: number;
  readonly nodesCreated: number;
  readonly generateSeconds: number;
  readonly seconds: number;
  readonly stagingSeconds: number;
  readonly swapSeconds: number;
  /** Removing the graph the load replaced, after the swap (0 into an empty database). */
  readonly cleanupSeconds: number;
  readonly relationsPerSecond: number;
  readonly relationshipsPerSecond: number;
  readonly loadedAt: string;
}

const SEED = 1;

async function generated(size: number, seed = SEED): Promise<SyntheticSeed> {
  const config = loadConfig({});
  const template = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  if (!template.ok) throw new Error("the curated seed is invalid");
  return generateSyntheticSeed(measureShape(template.graph), { concepts: size, seed });
}

/** Generates `size` concepts shaped like the curated graph (as `npm run generate` does) and validates them in memory; throws when the result is invalid. */
export async function generateGraph(size: number, seed = SEED): Promise<{ readonly graph: KnowledgeGraph; readonly generateSeconds: number }> {
  const started = performance.now();
  const validated = validateSeed(syntheticSeedInput(await generated(size, seed)));
  if (!validated.ok) throw new Error(`the generated seed is invalid: ${JSON.stringify(validated.issues.slice(0, 3))}`);
  return { graph: validated.graph, generateSeconds: (performance.now() - started) / 1000 };
}

/** Generates `size` concepts, validates them in memory and loads them in staged batches into an empty database. */
export async function generateAndLoad(executor: Neo4jExecutor, size: number, log: (line: string) => void): Promise<LoadFigures> {
  const { graph, generateSeconds } = await generateGraph(size);
  log(`generated and validated in ${generateSeconds.toFixed(1)} s`);
  await applyGraphSchema(executor, path.join(REPO_ROOT, "schema"));
  let last = performance.now();
  const report = await loadGraph(executor, graph, {
    reset: true,
    batched: true,
    onStep: ({ what, done }) => {
      if (performance.now() - last > 30_000) {
        last = performance.now();
        log(`${done} batches, last: ${what}`);
      }
    },
  });
  const seconds = report.durationMs / 1000;
  return {
    concepts: graph.concepts.length,
    relations: graph.relations.length,
    evidence: report.counts.evidence,
    relationshipsCreated: report.counters.relationshipsCreated,
    nodesCreated: report.counters.nodesCreated,
    generateSeconds,
    seconds,
    stagingSeconds: (report.batched?.stagingMs ?? 0) / 1000,
    swapSeconds: (report.batched?.swapMs ?? 0) / 1000,
    cleanupSeconds: (report.batched?.cleanupMs ?? 0) / 1000,
    relationsPerSecond: graph.relations.length / seconds,
    relationshipsPerSecond: report.counters.relationshipsCreated / seconds,
    loadedAt: new Date().toISOString(),
  };
}

/** Writes the generated seed files for memory mode once (kept in `dir` for later runs). */
export async function writeGeneratedFiles(dir: string, size: number): Promise<WrittenSeed & { readonly bytes: number }> {
  const written = { seedDir: path.join(dir, "seed"), sourceTextDir: path.join(dir, "sources") };
  const datasetDir = path.join(written.seedDir, `synthetic-${size}-${SEED}`);
  const exists = await stat(path.join(datasetDir, "relations.yaml")).then(() => true, () => false);
  if (!exists) await writeSyntheticSeed(await generated(size), dir);
  let bytes = 0;
  for (const f of ["sources.yaml", "concepts.yaml", "relations.yaml"]) bytes += (await stat(path.join(datasetDir, f))).size;
  return { ...written, bytes };
}

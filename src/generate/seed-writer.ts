import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { SyntheticSeed } from "./synthetic-seed.js";

/** Where a written synthetic seed lives: pass these as SEED_DIR and SOURCE_TEXT_DIR. */
export interface WrittenSeed {
  readonly seedDir: string;
  readonly sourceTextDir: string;
}

/**
 * Writes the seed as the curated one is laid out (seed/<dataset>/{sources,concepts,relations}.yaml)
 * and its source text beside it (sources/<file>), so the normal reader, validator and loader take it.
 */
export async function writeSyntheticSeed(seed: SyntheticSeed, outDir: string): Promise<WrittenSeed> {
  const seedDir = path.join(outDir, "seed");
  const datasetDir = path.join(seedDir, seed.dataset);
  const sourceTextDir = path.join(outDir, "sources");
  await mkdir(datasetDir, { recursive: true });
  await mkdir(sourceTextDir, { recursive: true });
  // Flow style off and no line folding: large files stay fast to parse and diff.
  const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });
  await writeFile(path.join(sourceTextDir, seed.sourceFileName), seed.sourceText, "utf8");
  await writeFile(path.join(datasetDir, "sources.yaml"), yaml({ sources: seed.sources }), "utf8");
  await writeFile(path.join(datasetDir, "concepts.yaml"), yaml({ concepts: seed.concepts }), "utf8");
  await writeFile(path.join(datasetDir, "relations.yaml"), yaml({ relations: seed.relations }), "utf8");
  return { seedDir, sourceTextDir };
}

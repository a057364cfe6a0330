import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderSeedFilePieces } from "../seed/seed-yaml.format.js";
import { writeSeedFolder } from "../seed/seed-folder.writer.js";
import type { SyntheticSeed } from "./synthetic-seed.js";

/** Where a written synthetic seed lives: pass these as SEED_DIR and SOURCE_TEXT_DIR. */
export interface WrittenSeed {
  readonly seedDir: string;
  readonly sourceTextDir: string;
}

/**
 * Writes the seed as the curated one is laid out (seed/<dataset>/{sources,concepts,relations}.yaml,
 * in the seed style that `npm run seed -- --export` writes too) and its source text beside it
 * (sources/<file>), so the normal reader, validator and loader take it. The seed folder is replaced whole.
 */
export async function writeSyntheticSeed(seed: SyntheticSeed, outDir: string): Promise<WrittenSeed> {
  const seedDir = path.join(outDir, "seed");
  const sourceTextDir = path.join(outDir, "sources");
  await mkdir(sourceTextDir, { recursive: true });
  await writeFile(path.join(sourceTextDir, seed.sourceFileName), seed.sourceText, "utf8");
  const files = (["sources", "concepts", "relations"] as const).map((kind) => ({
    dataset: seed.dataset,
    name: `${kind}.yaml`,
    text: renderSeedFilePieces(kind, seed[kind]),
  }));
  await writeSeedFolder(seedDir, files, { force: true });
  return { seedDir, sourceTextDir };
}

import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { SEED_FILE_KINDS } from "../domain/seed-schema.js";
import type { BaseSeedFile } from "./seed-layout.js";

/**
 * The YAML files of a seed folder (dataset folders of sources*, concepts*, relations*, tours* files),
 * as text, for an export to keep their layout; an absent folder gives none. JSON seed files are left
 * out: their entries are written to the dataset's YAML files instead.
 */
export async function readBaseSeedFiles(seedDir: string): Promise<BaseSeedFile[]> {
  const exists = await stat(seedDir).then((s) => s.isDirectory(), () => false);
  if (!exists) return [];
  const out: BaseSeedFile[] = [];
  const datasets = (await readdir(seedDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const dataset of datasets) {
    for (const name of (await readdir(path.join(seedDir, dataset))).sort()) {
      const kind = SEED_FILE_KINDS.find((k) => name.startsWith(k));
      if (kind === undefined || ![".yaml", ".yml"].includes(path.extname(name))) continue;
      out.push({ dataset, name, kind, text: await readFile(path.join(seedDir, dataset, name), "utf8") });
    }
  }
  return out;
}

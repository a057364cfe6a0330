import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SeedFileInput, SeedInput } from "../../src/domain/seed-validator.js";
import { readSeedFiles } from "../../src/seed/seed-files.reader.js";
import { SEED_DIR, SOURCE_TEXT_DIR } from "./neo4j-test-env.js";

/** The curated seed as validator input, deep-copied so a test may change it freely. */
export async function curatedSeedInput(): Promise<SeedInput> {
  const { input, issues } = await readSeedFiles(SEED_DIR, SOURCE_TEXT_DIR);
  if (issues.length > 0) throw new Error(`curated seed did not read cleanly: ${JSON.stringify(issues)}`);
  return { ...input, files: input.files.map((f) => ({ ...f, data: structuredClone(f.data) })) };
}

type Entries = Record<string, unknown>[];

/** The entries list of the first seed file of a kind, for in-place edits. */
export function entriesOf(input: SeedInput, kind: SeedFileInput["kind"]): Entries {
  const file = input.files.find((f) => f.kind === kind);
  if (file === undefined) throw new Error(`no ${kind} file`);
  return (file.data as Record<string, Entries>)[kind] as Entries;
}

/** The entry with this id in the first seed file of a kind. */
export function entry(input: SeedInput, kind: SeedFileInput["kind"], id: string): Record<string, unknown> {
  const found = entriesOf(input, kind).find((e) => e["id"] === id);
  if (found === undefined) throw new Error(`no ${kind} entry ${id}`);
  return found;
}

/** A copy of graph-seed/ in a temporary folder, with one file's text replaced by `edit` of it. */
export async function seedCopyWith(relativeFile: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "kg-seed-"));
  await cp(SEED_DIR, dir, { recursive: true });
  const file = path.join(dir, relativeFile);
  await writeFile(file, edit(await readFile(file, "utf8")));
  return dir;
}

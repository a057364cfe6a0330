import { createWriteStream } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import path from "node:path";
import { SEED_FILE_KINDS } from "../domain/seed-schema.js";

/** The output folder exists and holds files, and the caller did not ask to replace it. */
export class OutputFolderNotEmptyError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is not empty; pass --force to replace it`);
    this.name = "OutputFolderNotEmptyError";
  }
}

/**
 * A seed file to write: its text whole, or in pieces written one after another (a file larger than the
 * longest string V8 holds, about 512 MB, such as the relations of a million generated concepts).
 */
export interface SeedFileOutput {
  readonly dataset: string;
  readonly name: string;
  readonly text: string | Iterable<string>;
}

/** A file to write beside the seed files, by path relative to the output folder (a source text, say). */
export interface ExtraFile {
  readonly relativePath: string;
  readonly text: string;
}

export interface SeedFolderWriteOptions {
  /** Replace an output folder that already holds files. */
  readonly force: boolean;
  /** Files to write besides the seed files. */
  readonly extraFiles?: readonly ExtraFile[];
  /**
   * Looks at the finished folder before it takes the output's place; an error it throws (or a
   * non-null result, returned as is) leaves the output untouched.
   */
  readonly check?: (folder: string) => Promise<unknown>;
  /** Writes one file; tests pass a failing one to prove a failed write leaves nothing behind. */
  readonly writeFile?: (file: string, text: string | Iterable<string>) => Promise<void>;
}

/** True for a path (relative to a seed folder) that the seed reader reads: <dataset>/<kind>*.{yaml,yml,json}. */
export function isSeedFilePath(relativePath: string): boolean {
  const parts = relativePath.split(path.sep);
  const name = parts[1] ?? "";
  return parts.length === 2 && SEED_FILE_KINDS.some((k) => name.startsWith(k)) && [".yaml", ".yml", ".json"].includes(path.extname(name));
}

/** A folder name that is one plain path segment, never "." or "..". */
export function isPlainFolderName(name: string): boolean {
  return /^[A-Za-z0-9_][\w.-]*$/.test(name);
}

/**
 * Writes `files` (dataset/name) into `outDir` all or nothing: everything goes into a temporary
 * sibling folder first, which is renamed into place only once it is complete (and `check` found
 * nothing). A failure at any point removes the temporary folder and leaves `outDir` as it was. An
 * existing `outDir` that is not empty is refused unless `force` is set. Returns what `check` found
 * (null when there is no check or it found nothing); on a finding nothing is written.
 */
export async function writeSeedFolder(outDir: string, files: readonly SeedFileOutput[], options: SeedFolderWriteOptions): Promise<unknown> {
  const target = path.resolve(outDir);
  for (const f of files) {
    if (!isPlainFolderName(f.dataset) || !isPlainFolderName(f.name)) throw new Error(`refusing to write "${f.dataset}/${f.name}": not a plain folder and file name`);
  }
  const existing = await stat(target).catch(() => null);
  if (existing !== null && !existing.isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
  const occupied = existing !== null && (await readdir(target)).length > 0;
  if (occupied && !options.force) throw new OutputFolderNotEmptyError(outDir);

  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(path.join(parent, `.${path.basename(target)}.export-`));
  const write = options.writeFile ?? writeText;
  try {
    if (occupied) {
      await cp(target, temp, { recursive: true, force: false, errorOnExist: false, filter: (src) => !isSeedFilePath(path.relative(target, src)) });
      // A dataset folder that held only seed files is left out rather than left empty.
      for (const entry of await readdir(temp, { withFileTypes: true })) {
        const dir = path.join(temp, entry.name);
        if (entry.isDirectory() && (await readdir(dir)).length === 0) await rm(dir, { recursive: true });
      }
    }
    for (const dataset of new Set(files.map((f) => f.dataset))) await mkdir(path.join(temp, dataset), { recursive: true });
    for (const f of files) await write(path.join(temp, f.dataset, f.name), f.text);
    for (const extra of options.extraFiles ?? []) {
      const full = path.resolve(temp, extra.relativePath);
      if (!full.startsWith(temp + path.sep)) throw new Error(`refusing to write "${extra.relativePath}" outside the output folder`);
      await mkdir(path.dirname(full), { recursive: true });
      await write(full, extra.text);
    }
    const finding = options.check === undefined ? null : await options.check(temp);
    if (finding !== null && finding !== undefined) {
      await rm(temp, { recursive: true, force: true });
      return finding;
    }
    await moveIntoPlace(temp, target, existing !== null);
    return null;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a text, whole or piece by piece through a stream, waiting for the disk when its buffer is full. */
async function writeText(file: string, text: string | Iterable<string>): Promise<void> {
  if (typeof text === "string") {
    await writeFile(file, text, "utf8");
    return;
  }
  const out = createWriteStream(file, { encoding: "utf8" });
  const failed = new Promise<never>((_resolve, reject) => out.once("error", reject));
  failed.catch(() => {});
  for (const piece of text) {
    if (!out.write(piece)) await Promise.race([once(out, "drain"), failed]);
  }
  out.end();
  await Promise.race([finished(out), failed]);
}

/** Renames the finished folder onto the target; an old target is set aside first and restored if that fails. */
async function moveIntoPlace(temp: string, target: string, exists: boolean): Promise<void> {
  if (!exists) {
    await rename(temp, target);
    return;
  }
  const aside = `${temp}-previous`;
  await rename(target, aside);
  try {
    await rename(temp, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

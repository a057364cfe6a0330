import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { SEED_FILE_KINDS, type SeedFileKind } from "../domain/seed-schema.js";
import type { SeedIssue } from "../domain/seed-issue.js";
import type { SeedFileInput, SeedInput, SeedPath, SourceTextInput } from "../domain/seed-validator.js";
import { seedFileTooLargeReason, seedTooLargeReason } from "./seed-size.guard.js";

export interface SeedReadResult {
  readonly input: SeedInput;
  /** Problems found before validation: unreadable files, YAML syntax errors, stray files. */
  readonly issues: readonly SeedIssue[];
}

const SEED_EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * Reads every dataset folder under `seedDir` (files named sources*, concepts*, relations*) and the
 * source texts they point to in `sourceTextDir`; never throws for bad content, it reports issues.
 */
export async function readSeedFiles(seedDir: string, sourceTextDir: string, parse: SeedTextParser = parseSeedText): Promise<SeedReadResult> {
  const issues: SeedIssue[] = [];
  const files: SeedFileInput[] = [];
  const shown = (p: string): string => path.relative(process.cwd(), p) || p;

  const datasets = (await readdir(seedDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  if (datasets.length === 0) issues.push({ file: shown(seedDir), entryId: null, field: "", reason: "no dataset folders found" });

  // Sizes first, before anything is parsed: a file too long to read is named (splitting it is the way out),
  // then the total is held against the heap.
  let seedBytes = 0;
  const sizeIssues: SeedIssue[] = [];
  for (const dataset of datasets) {
    for (const name of await readdir(path.join(seedDir, dataset))) {
      const full = path.join(seedDir, dataset, name);
      if (!SEED_EXTENSIONS.includes(path.extname(name))) continue;
      const bytes = (await stat(full)).size;
      seedBytes += bytes;
      const fileTooLarge = seedFileTooLargeReason(bytes);
      if (fileTooLarge !== null) sizeIssues.push({ file: shown(full), entryId: null, field: "", reason: fileTooLarge });
    }
  }
  const tooLarge = seedTooLargeReason(seedBytes);
  if (tooLarge !== null) sizeIssues.push({ file: shown(seedDir), entryId: null, field: "", reason: tooLarge });
  if (sizeIssues.length > 0) return { input: { files: [], sourceTexts: new Map() }, issues: sizeIssues };

  for (const dataset of datasets) {
    const dir = path.join(seedDir, dataset);
    for (const name of (await readdir(dir)).sort()) {
      const full = path.join(dir, name);
      if (!SEED_EXTENSIONS.includes(path.extname(name))) continue;
      const kind = SEED_FILE_KINDS.find((k) => name.startsWith(k));
      if (kind === undefined) {
        issues.push({ file: shown(full), entryId: null, field: "", reason: `file name must start with ${SEED_FILE_KINDS.join(", ")}` });
        continue;
      }
      const parsed = parse(await readFile(full, "utf8"));
      if (parsed.errors.length > 0) {
        for (const e of parsed.errors) issues.push({ file: shown(full), entryId: null, field: "", reason: e.reason, line: e.line });
        continue;
      }
      files.push({ path: shown(full), dataset, kind, data: parsed.data, lineOf: parsed.lineOf });
    }
  }

  if (datasets.length > 0 && files.length === 0 && issues.length === 0) {
    issues.push({ file: shown(seedDir), entryId: null, field: "", reason: `no seed files (${SEED_FILE_KINDS.join("*, ")}*) in any dataset folder` });
  }
  const sourceTexts = await readSourceTexts(files, sourceTextDir);
  return { input: { files, sourceTexts }, issues };
}

/** A seed file's data, its YAML errors, and the line of any path in it. */
export interface ParsedSeedText {
  readonly data: unknown;
  readonly errors: readonly { reason: string; line: number }[];
  readonly lineOf: (p: SeedPath) => number | undefined;
}

/** Turns a seed file's text into its data: parseSeedText, or the server's cached copy of it. */
export type SeedTextParser = (text: string) => ParsedSeedText;

/** Parses YAML (or JSON) keeping positions, so issues can name the line of an entry or field. */
export function parseSeedText(text: string): ParsedSeedText {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((e) => ({
    reason: `YAML syntax error: ${e.message.split("\n")[0] ?? e.code}`,
    line: lineCounter.linePos(e.pos[0]).line,
  }));
  const lineOf = (p: SeedPath): number | undefined => {
    for (let len = p.length; len >= 0; len--) {
      const node = doc.getIn(p.slice(0, len), true) as { range?: [number, number, number] } | undefined;
      if (node !== undefined && node !== null && typeof node === "object" && node.range !== undefined && (isMap(node) || isSeq(node) || "value" in node)) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
  return { data: errors.length > 0 ? undefined : doc.toJS(), errors, lineOf };
}

async function readSourceTexts(files: readonly SeedFileInput[], sourceTextDir: string): Promise<Map<string, SourceTextInput>> {
  const names = new Set<string>();
  for (const f of files) {
    if (f.kind !== "sources") continue;
    const list = (f.data as { sources?: unknown } | null)?.sources;
    if (!Array.isArray(list)) continue;
    for (const s of list) {
      const textFile = (s as { textFile?: unknown } | null)?.textFile;
      if (typeof textFile === "string" && /^[\w.-]+$/.test(textFile)) names.add(textFile);
    }
  }
  const texts = new Map<string, SourceTextInput>();
  for (const name of names) {
    const full = path.join(sourceTextDir, name);
    const exists = await stat(full).then((s) => s.isFile(), () => false);
    if (!exists) continue;
    const text = await readFile(full, "utf8");
    texts.set(name, { text, sha256: createHash("sha256").update(text, "utf8").digest("hex") });
  }
  return texts;
}

/** The kinds of seed file, re-exported for callers that only need the reader. */
export type { SeedFileKind };

import path from "node:path";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import type { SeedIssue } from "../domain/seed-issue.js";
import { seedDifference } from "../domain/seed-normal-form.js";
import { readBaseSeedFiles } from "./seed-base.reader.js";
import { graphToSeedDatasets } from "./seed-entries.js";
import { isPlainFolderName, writeSeedFolder } from "./seed-folder.writer.js";
import { baseSeedHints, layoutSeedFiles } from "./seed-layout.js";
import { readValidatedSeed, type SeedOutcome } from "./seed-pipeline.js";

export interface SeedExportOptions {
  /** The folder to write: it becomes a seed folder (one subfolder per dataset). */
  readonly outDir: string;
  /** Replace `outDir` when it already holds files. */
  readonly force: boolean;
  /** A previous seed whose layout, comments and attributions to keep (normally graph-seed/); null for none. */
  readonly baseDir: string | null;
  /** Where the sources' texts are, to validate the spans as `npm run seed` would. */
  readonly sourceTextDir: string;
}

export interface SeedExportCounts {
  readonly concepts: number;
  readonly relations: number;
  readonly evidence: number;
  readonly sources: number;
  readonly tours: number;
}

export type SeedExportResult =
  | {
      readonly ok: true;
      readonly counts: SeedExportCounts;
      /** Written files, "dataset/name", in order. */
      readonly files: readonly string[];
      /** Of those, the ones whose text differs from the base's file of the same name (all when there is no base). */
      readonly changedFiles: readonly string[];
      /** Files of the base that the export has no counterpart of (every entry in them is gone). */
      readonly droppedFiles: readonly string[];
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly SeedIssue[]; readonly warnings: readonly string[] };

/**
 * Writes the graph as a seed folder that `npm run seed` loads back into the same graph. The files
 * are read back with the seed reader and validator before they take the output's place: a graph that
 * would not re-seed writes nothing and returns every issue, with paths inside `outDir`; files that
 * read back as any other graph (in seed normal form) write nothing and throw.
 */
export async function exportSeed(graph: KnowledgeGraph, options: SeedExportOptions): Promise<SeedExportResult> {
  const base = options.baseDir === null ? [] : await readBaseSeedFiles(options.baseDir);
  const datasets = graphToSeedDatasets(graph, baseSeedHints(base));
  const shown = (p: string): string => path.relative(process.cwd(), p) || p;
  const badNames = datasets.filter((d) => !isPlainFolderName(d.name));
  if (badNames.length > 0) {
    const issues = badNames.map((d): SeedIssue => ({ file: shown(options.outDir), entryId: null, field: "dataset", reason: `dataset "${d.name}" cannot be a folder name` }));
    return { ok: false, issues, warnings: [] };
  }
  const files = layoutSeedFiles(datasets, base);
  let warnings: readonly string[] = [];
  const finding = (await writeSeedFolder(options.outDir, files, {
    force: options.force,
    check: async (temp) => {
      const read: SeedOutcome = await readValidatedSeed(temp, options.sourceTextDir);
      warnings = read.warnings;
      if (read.ok) {
        const difference = seedDifference(read.graph, graph);
        if (difference !== null) throw new Error(`internal error: the written seed reads back as a different graph (${difference}); nothing was written`);
        return null;
      }
      // Name the files as they will be called, not by the temporary folder they were checked in.
      const from = shown(temp);
      return read.issues.map((i) => ({ ...i, file: i.file.startsWith(from) ? shown(options.outDir) + i.file.slice(from.length) : i.file }));
    },
  })) as SeedIssue[] | null;
  if (finding !== null) return { ok: false, issues: finding, warnings };
  const baseText = new Map(base.map((b) => [`${b.dataset}/${b.name}`, b.text]));
  const names = files.map((f) => `${f.dataset}/${f.name}`);
  return {
    ok: true,
    counts: {
      concepts: graph.concepts.length,
      relations: graph.relations.length,
      evidence: graph.relations.reduce((n, r) => n + r.evidence.length, 0),
      sources: graph.sources.length,
      tours: graph.tours.length,
    },
    files: names,
    changedFiles: files.filter((f) => baseText.get(`${f.dataset}/${f.name}`) !== f.text).map((f) => `${f.dataset}/${f.name}`),
    droppedFiles: [...baseText.keys()].filter((name) => !names.includes(name)),
    warnings,
  };
}

/** One or two lines for the CLI: how the written files compare with the base. */
export function formatExportChanges(result: Extract<SeedExportResult, { ok: true }>, baseDir: string | null): string {
  if (baseDir === null) return `Wrote ${result.files.length} file(s) in the seed style (no base).`;
  const base = path.relative(process.cwd(), baseDir) || baseDir;
  const same = result.files.length - result.changedFiles.length;
  const lines = [`${same} of ${result.files.length} file(s) are identical to ${base}${result.changedFiles.length === 0 ? "." : `; differing: ${result.changedFiles.join(", ")}.`}`];
  if (result.droppedFiles.length > 0) lines.push(`Not written (nothing left in them): ${result.droppedFiles.join(", ")}.`);
  return lines.join("\n");
}

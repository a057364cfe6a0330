import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import type { SeedIssue } from "../domain/seed-issue.js";
import { validateSeed } from "../domain/seed-validator.js";
import { parseSeedText, readSeedFiles, type SeedTextParser } from "./seed-files.reader.js";

export type SeedOutcome =
  | { readonly ok: true; readonly graph: KnowledgeGraph; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly issues: readonly SeedIssue[]; readonly warnings: readonly string[] };

/**
 * Reads and validates the seed folder; reports read and validation problems together, all at once. `parse` turns a
 * file's text into data (the server passes a cached parseSeedText).
 */
export async function readValidatedSeed(seedDir: string, sourceTextDir: string, parse: SeedTextParser = parseSeedText): Promise<SeedOutcome> {
  const read = await readSeedFiles(seedDir, sourceTextDir, parse);
  const validated = validateSeed(read.input);
  if (read.issues.length === 0 && validated.ok) return validated;
  return { ok: false, issues: [...read.issues, ...(validated.ok ? [] : validated.issues)], warnings: validated.warnings };
}

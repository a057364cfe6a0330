/** One problem found in the seed files, precise enough for a curator to find and fix it. */
export interface SeedIssue {
  /** Path of the seed file, as given to the validator. */
  readonly file: string;
  /** The entry's id, or "#n" (1-based position) when the entry has no usable id, or null for file-level issues. */
  readonly entryId: string | null;
  /** Dotted path of the field inside the entry, e.g. "evidence[0].span". Empty for whole-entry issues. */
  readonly field: string;
  readonly reason: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
}

/** Renders an issue as one line: file:line entry field: reason. */
export function formatSeedIssue(issue: SeedIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const entry = issue.entryId === null ? "" : ` entry "${issue.entryId}"`;
  const field = issue.field === "" ? "" : ` field "${issue.field}"`;
  return `${where}${entry}${field}: ${issue.reason}`;
}

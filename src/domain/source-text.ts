/**
 * Checks of locators and curated wording against a source text. Pure functions over strings so the
 * validator can run them with or without the text at hand.
 */

/** Longest run of consecutive source words a claim or summary may share with the source. */
export const VERBATIM_WORD_LIMIT = 5;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Lower-cased words of a text, apostrophes kept inside words. */
export function words(text: string): string[] {
  return Array.from(text.toLowerCase().replace(/’/g, "'").matchAll(WORD), (m) => m[0]);
}

/** Every run of `n` consecutive words of the text, joined by single spaces. */
export function wordRuns(text: string, n: number): Set<string> {
  const ws = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) runs.add(ws.slice(i, i + n).join(" "));
  return runs;
}

/**
 * The first run of more than VERBATIM_WORD_LIMIT words that `ours` shares with the source, or null.
 * `sourceRuns` must come from wordRuns(source, VERBATIM_WORD_LIMIT + 1).
 */
export function findVerbatimRun(ours: string, sourceRuns: ReadonlySet<string>): string | null {
  for (const run of wordRuns(ours, VERBATIM_WORD_LIMIT + 1)) if (sourceRuns.has(run)) return run;
  return null;
}

/** The issue reason for a text that shares `run` with the source. */
export function copiedWordsReason(run: string): string {
  return `repeats more than ${VERBATIM_WORD_LIMIT} consecutive words of the source ("${run}"); paraphrase it in our own words`;
}

/** Why the [start, end) span cuts through a word or starts/ends on blank space, or null when it is clean. */
export function spanBoundaryProblem(text: string, start: number, end: number): string | null {
  const first = text.charAt(start);
  const last = text.charAt(end - 1);
  if (/\s/.test(first)) return `span starts on blank space at ${start}`;
  if (/\s/.test(last)) return `span ends on blank space at ${end}`;
  if (start > 0 && WORD_CHAR.test(first) && WORD_CHAR.test(text.charAt(start - 1))) {
    return `span starts inside the word "${wordAround(text, start)}"`;
  }
  if (end < text.length && WORD_CHAR.test(last) && WORD_CHAR.test(text.charAt(end))) {
    return `span ends inside the word "${wordAround(text, end - 1)}"`;
  }
  return null;
}

function wordAround(text: string, index: number): string {
  let a = index;
  let b = index;
  while (a > 0 && WORD_CHAR.test(text.charAt(a - 1))) a--;
  while (b < text.length && WORD_CHAR.test(text.charAt(b))) b++;
  return text.slice(a, b);
}

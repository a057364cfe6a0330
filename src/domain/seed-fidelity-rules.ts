import type { KnowledgeLevel } from "./evidence.js";
import type { SourceEntry } from "./seed-schema.js";
import { spanBoundaryProblem } from "./source-text.js";

/**
 * Rules that keep the curated evidence faithful to what the source says and who it says it for:
 * attributed passages must carry their citation, and only stated claims may be knowledge assertions.
 * Each rule returns problems as (field path, reason) pairs; the validator places them in the file.
 */

export type FieldProblem = readonly [field: readonly (string | number)[], reason: string];

/** The knowledge level of a claim the source states in the passage its locator points at. */
export const STATED_LEVEL: KnowledgeLevel = "knowledge_assertion";

/** Problems of a source's own `attributions` list: each passage lies in its text and names a source it cites. */
export function attributionProblems(
  source: SourceEntry,
  citedByOf: (sourceId: string) => string | undefined | null,
  text: string | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (source.attributions ?? []).forEach((a, i) => {
    const [start, end] = a.span;
    if (source.textFile === undefined) problems.push([["attributions", i], "attributions need a textFile to point into"]);
    if (source.length !== undefined && end > source.length) {
      problems.push([["attributions", i, "span"], `span [${start}, ${end}] runs past the end of the text (${source.length} characters)`]);
    } else if (text !== undefined) {
      const boundary = spanBoundaryProblem(text, start, end);
      if (boundary !== null) problems.push([["attributions", i, "span"], boundary]);
    }
    const citedBy = citedByOf(a.citedSource);
    if (citedBy === undefined) problems.push([["attributions", i, "citedSource"], `unknown source "${a.citedSource}"`]);
    else if (citedBy !== source.id) {
      problems.push([["attributions", i, "citedSource"], `source "${a.citedSource}" is not declared as cited by "${source.id}" (set citedBy)`]);
    }
  });
  return problems;
}

/**
 * Problems of one evidence record against the attributed passages of the source it points into: a
 * span that overlaps a passage the source attributes to another source must name that source.
 */
export function missingCitationProblems(
  evidence: { readonly span: readonly [number, number]; readonly citedSource?: string | undefined },
  source: SourceEntry | undefined,
): FieldProblem[] {
  const [start, end] = evidence.span;
  return (source?.attributions ?? [])
    .filter((a) => start < a.span[1] && a.span[0] < end && evidence.citedSource !== a.citedSource)
    .map((a): FieldProblem => [
      ["citedSource"],
      `span [${start}, ${end}] overlaps [${a.span[0]}, ${a.span[1]}], which "${source?.id}" attributes to "${a.citedSource}"; ` +
        `set citedSource: ${a.citedSource}` + (evidence.citedSource === undefined ? "" : ` (not "${evidence.citedSource}")`),
    ]);
}

/**
 * Problems of one evidence record's knowledge level. A knowledge assertion is a claim the source
 * states in the located passage, so it needs no reasoning; any other level is our inference (or a
 * prediction, an observation ...) and must say in `reasoning` how it follows from the passage.
 */
export function knowledgeLevelProblems(evidence: { readonly knowledgeLevel: KnowledgeLevel; readonly reasoning?: string | undefined }): FieldProblem[] {
  if (evidence.knowledgeLevel === STATED_LEVEL) {
    return evidence.reasoning === undefined
      ? []
      : [[["reasoning"], `a ${STATED_LEVEL} is stated by the source and carries no reasoning; if it has to be reasoned, it is not an assertion (use logical_entailment)`]];
  }
  return evidence.reasoning === undefined
    ? [[["reasoning"], `a ${evidence.knowledgeLevel} claim is not stated by the source: add reasoning that says, in our words, how it follows from the passage`]]
    : [];
}

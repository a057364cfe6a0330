import type { Tour } from "./tour.model.js";
import type { TourEntry, TourStepEntry } from "./tour-schema.js";
import type { SeedPath } from "./seed-validator.js";
import { copiedWordsReason, findVerbatimRun } from "./source-text.js";

/** What a tour may point at: the seed's concepts and relations, and the source texts it must not copy. */
export interface TourReferences {
  readonly conceptIds: ReadonlySet<string>;
  readonly relationEnds: ReadonlyMap<string, { readonly from: string; readonly to: string }>;
  /** Ids of entries that failed their own checks: references to them are not reported again. */
  readonly invalidIds: ReadonlySet<string>;
  /** Relations with problems of their own: a step is not blamed for missing their (possibly wrong) ends. */
  readonly flawedRelationIds: ReadonlySet<string>;
  /** Word runs of every source text, from wordRuns(text, VERBATIM_WORD_LIMIT + 1). */
  readonly sourceRuns: ReadonlySet<string>;
}

/** Reports a problem in a tour entry at a field path inside it. */
export type TourReport<T> = (at: T, field: SeedPath, reason: string) => void;

/**
 * Checks one schema-valid tour against the rest of the seed: every concept, relation and focus id
 * resolves, a step highlights each thing once, a highlighted relation has both ends highlighted, the
 * focus is highlighted, and no text repeats the source. Step problems name the step by position and title.
 */
export function checkTour<T extends { readonly entry: TourEntry }>(at: T, refs: TourReferences, report: TourReport<T>): void {
  const { entry } = at;
  for (const field of ["title", "summary"] as const) {
    const copied = findVerbatimRun(entry[field], refs.sourceRuns);
    if (copied !== null) report(at, [field], copiedWordsReason(copied));
  }
  entry.steps.forEach((step, index) => checkStep(at, step, index, refs, report));
}

function checkStep<T extends { readonly entry: TourEntry }>(at: T, step: TourStepEntry, index: number, refs: TourReferences, report: TourReport<T>): void {
  const where = `step ${index + 1} ("${step.title}")`;
  const field = (...rest: (string | number)[]): SeedPath => ["steps", index, ...rest];
  const known = (id: string, set: { has(id: string): boolean }): boolean => set.has(id) || refs.invalidIds.has(id);

  for (const key of ["title", "narrative"] as const) {
    const copied = findVerbatimRun(step[key], refs.sourceRuns);
    if (copied !== null) report(at, field(key), `${where}: ${copiedWordsReason(copied)}`);
  }

  const highlighted = new Set<string>();
  step.concepts.forEach((id, i) => {
    if (!known(id, refs.conceptIds)) report(at, field("concepts", i), `${where}: unknown concept "${id}"`);
    if (highlighted.has(id)) report(at, field("concepts", i), `${where}: concept "${id}" is listed twice`);
    highlighted.add(id);
  });

  const relations = new Set<string>();
  step.relations.forEach((id, i) => {
    if (relations.has(id)) report(at, field("relations", i), `${where}: relation "${id}" is listed twice`);
    relations.add(id);
    const ends = refs.relationEnds.get(id);
    if (ends === undefined) {
      if (!refs.invalidIds.has(id)) report(at, field("relations", i), `${where}: unknown relation "${id}"`);
      return;
    }
    if (refs.flawedRelationIds.has(id)) return;
    const missing = [ends.from, ends.to].filter((end) => !highlighted.has(end));
    if (missing.length > 0) {
      const list = missing.map((m) => `"${m}"`).join(" and ");
      report(at, field("relations", i), `${where}: relation "${id}" links "${ends.from}" to "${ends.to}"; add ${list} to the step's concepts`);
    }
  });

  if (step.focus !== undefined) {
    if (!known(step.focus, refs.conceptIds)) report(at, field("focus"), `${where}: unknown concept "${step.focus}"`);
    else if (!highlighted.has(step.focus)) report(at, field("focus"), `${where}: the focus "${step.focus}" must be one of the step's concepts`);
  }
}

/** The validated tours in the order given, numbered: tours from 0 in seed order, steps from 1. */
export function buildTours(tours: readonly { readonly entry: TourEntry; readonly dataset: string }[]): Tour[] {
  return tours.map(({ entry, dataset }, position) => ({
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    audience: entry.audience ?? null,
    dataset,
    position,
    steps: entry.steps.map((s, i) => ({
      position: i + 1,
      title: s.title,
      narrative: s.narrative,
      conceptIds: [...s.concepts],
      relationIds: [...s.relations],
      focusId: s.focus ?? null,
    })),
  }));
}

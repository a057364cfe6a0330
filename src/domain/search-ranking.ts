import { distance } from "fastest-levenshtein";
import { conceptSortKey } from "./concept-sort-key.js";
import { compareCodeUnits } from "./path-ranking.js";
import { rankedTextTokens } from "./search-text.js";

/**
 * The search ranking both backends share. Retrieval (the Neo4j full-text index, or a scan in memory)
 * only proposes candidates; this module decides what matches and in which order, so results agree.
 */

export type SearchField = "name" | "synonym" | "summary";

export interface SearchableConcept {
  readonly id: string;
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly summary: string;
}

export interface SearchMatch {
  readonly score: number;
  readonly field: SearchField;
  /** The name, synonym or summary that matched best. */
  readonly text: string;
}

export const MAX_SEARCH_TERMS = 10;
export const MAX_TERM_LENGTH = 40;

const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { name: 3, synonym: 2, summary: 1 };
const EXACT = 1;
const PREFIX = 0.75;
const ONE_EDIT = 0.5;
const TWO_EDITS = 0.35;

export { searchTokens } from "./search-text.js";

/** Edits a query term may be away from a word and still match: none below 4 letters, 2 from 8. */
export function allowedEdits(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

function termAgainstToken(term: string, token: string): number {
  if (term === token) return EXACT;
  if (term.length >= 3 && token.startsWith(term)) return PREFIX;
  const edits = allowedEdits(term);
  if (edits === 0 || Math.abs(term.length - token.length) > edits) return 0;
  const d = distance(term, token);
  return d === 1 && edits >= 1 ? ONE_EDIT : d === 2 && edits >= 2 ? TWO_EDITS : 0;
}

function bestInTokens(term: string, tokens: readonly string[]): number {
  let best = 0;
  for (const token of tokens) {
    best = Math.max(best, termAgainstToken(term, token));
    if (best === EXACT) break;
  }
  return best;
}

/** Scores one concept against query terms; null when no term matches anything. */
export function rankConcept(terms: readonly string[], concept: SearchableConcept): SearchMatch | null {
  const fields: { field: SearchField; text: string; tokens: readonly string[] }[] = [
    { field: "name", text: concept.name, tokens: rankedTextTokens(concept.name) },
    ...concept.synonyms.map((s) => ({ field: "synonym" as const, text: s, tokens: rankedTextTokens(s) })),
    { field: "summary", text: concept.summary, tokens: rankedTextTokens(concept.summary) },
  ];
  const perField = fields.map(() => 0);
  let total = 0;
  for (const term of terms) {
    let termBest = 0;
    fields.forEach((f, i) => {
      const weighted = FIELD_WEIGHT[f.field] * bestInTokens(term, f.tokens);
      perField[i] = (perField[i] ?? 0) + weighted;
      termBest = Math.max(termBest, weighted);
    });
    total += termBest;
  }
  if (total === 0) return null;
  const phrase = terms.join(" ");
  let bonus = 0;
  let matched = fields.reduce((best, _f, i) => ((perField[i] ?? 0) > (perField[best] ?? 0) ? i : best), 0);
  const phraseField = fields.findIndex((f) => f.field !== "summary" && f.tokens.join(" ") === phrase);
  if (phraseField >= 0) {
    bonus = fields[phraseField]?.field === "name" ? 3 : 2;
    matched = phraseField;
  } else if (terms.length > 1 && ` ${fields[0]?.tokens.join(" ") ?? ""} `.includes(` ${phrase} `)) {
    bonus = 1;
  }
  const best = fields[matched] ?? fields[0];
  if (best === undefined) return null;
  const score = Math.round((total / terms.length + bonus) * 1000) / 1000;
  return { score, field: best.field, text: best.text };
}

/** Orders hits best first: score, then name sort key, then id. */
export function compareHits(
  a: { readonly match: SearchMatch; readonly concept: SearchableConcept },
  b: { readonly match: SearchMatch; readonly concept: SearchableConcept },
): number {
  return (
    b.match.score - a.match.score ||
    compareCodeUnits(conceptSortKey(a.concept.name), conceptSortKey(b.concept.name)) ||
    compareCodeUnits(a.concept.id, b.concept.id)
  );
}

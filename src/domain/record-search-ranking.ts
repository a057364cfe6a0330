import { conceptSortKey } from "./concept-sort-key.js";
import { compareCodeUnits } from "./path-ranking.js";
import { rankConcept, type SearchField } from "./search-ranking.js";

/**
 * Search over sources and evidence with the concept ranking itself, so typo tolerance and scores
 * mean the same for every kind of hit: a source's title counts as a name, its kind as a synonym and
 * its description as a summary; a claim counts as a summary and the title of the source it cites
 * as a synonym (so a source's name finds the claims attributed to it).
 */

export const SEARCH_TARGETS = ["concept", "source", "evidence"] as const;
export type SearchTarget = (typeof SEARCH_TARGETS)[number];

/** Which text of a source or claim matched. */
export const RECORD_SEARCH_FIELDS = ["title", "kind", "description", "claim", "cited_source"] as const;
export type RecordSearchField = (typeof RECORD_SEARCH_FIELDS)[number];

export interface RecordMatch<F extends string> {
  readonly score: number;
  readonly field: F;
  readonly text: string;
}

export interface SearchableSource {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly description: string;
}

export interface SearchableEvidence {
  readonly id: string;
  readonly claim: string;
}

const SOURCE_FIELD: Readonly<Record<SearchField, RecordSearchField>> = { name: "title", synonym: "kind", summary: "description" };
const EVIDENCE_FIELD: Readonly<Record<SearchField, RecordSearchField>> = { name: "claim", synonym: "cited_source", summary: "claim" };

/** Scores a source against query terms; null when nothing matches. */
export function rankSource(terms: readonly string[], source: SearchableSource): RecordMatch<RecordSearchField> | null {
  const match = rankConcept(terms, { id: source.id, name: source.title, synonyms: [source.kind], summary: source.description });
  return match === null ? null : { score: match.score, field: SOURCE_FIELD[match.field], text: match.text };
}

/** Scores a claim, with the title of the source it cites (if any), against query terms; null when nothing matches. */
export function rankEvidence(terms: readonly string[], evidence: SearchableEvidence, citedSourceTitle: string | null): RecordMatch<RecordSearchField> | null {
  const match = rankConcept(terms, { id: evidence.id, name: "", synonyms: citedSourceTitle === null ? [] : [citedSourceTitle], summary: evidence.claim });
  return match === null ? null : { score: match.score, field: EVIDENCE_FIELD[match.field], text: match.text };
}

/** What the mixed ordering needs of a hit. */
export interface OrderedHit {
  readonly target: SearchTarget;
  readonly score: number;
  /** Concept name, source title or claim. */
  readonly label: string;
  readonly id: string;
}

/**
 * Orders hits of every kind best first: score, then concepts before sources before claims, then
 * label sort key, then id. Restricted to concepts this is exactly the concept search order.
 */
export function compareMixedHits(a: OrderedHit, b: OrderedHit): number {
  return (
    b.score - a.score ||
    SEARCH_TARGETS.indexOf(a.target) - SEARCH_TARGETS.indexOf(b.target) ||
    compareCodeUnits(conceptSortKey(a.label), conceptSortKey(b.label)) ||
    compareCodeUnits(a.id, b.id)
  );
}

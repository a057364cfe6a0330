import type { RecordSearchField } from "../domain/record-search-ranking.js";
import type { SearchField } from "../domain/search-ranking.js";
import type { ConceptRecord, EvidenceRecord, SourceRecord } from "../store/store.types.js";

/** A hit of the search over every kind of record; `target` says which record it carries. */
export type AnySearchHitResult =
  | { readonly target: "concept"; readonly score: number; readonly matchedField: SearchField; readonly matchedText: string; readonly concept: ConceptRecord }
  | { readonly target: "source"; readonly score: number; readonly matchedField: RecordSearchField; readonly matchedText: string; readonly source: SourceRecord }
  | { readonly target: "evidence"; readonly score: number; readonly matchedField: RecordSearchField; readonly matchedText: string; readonly evidence: EvidenceRecord };

import type { ConceptKind } from "../domain/concept-kind.js";
import { MAX_SEARCH_TERMS, MAX_TERM_LENGTH, compareHits, rankConcept, searchTokens } from "../domain/search-ranking.js";
import { BadUserInputError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { intInRange, nonEmptyOrNull, textOfLength } from "./argument-rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { SearchHitResult } from "./service-results.types.js";

/** Most candidates taken from retrieval before ranking. */
export const SEARCH_CANDIDATE_LIMIT = 500;
export const DEFAULT_SEARCH_RESULTS = 10;
export const MAX_SEARCH_RESULTS = 50;

/** Full-text search: the store proposes candidates, the shared ranking scores and orders them. */
export class SearchService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /** The best matches for the text, ranked by score, then name, then id. */
  async search(args: { text: string; kinds?: readonly ConceptKind[] | null; first?: number | null }): Promise<SearchHitResult[]> {
    const text = textOfLength("text", args.text, 1, 200);
    const terms = [...new Set(searchTokens(text))];
    if (terms.length === 0) throw new BadUserInputError("text", "must contain at least one letter or digit");
    if (terms.length > MAX_SEARCH_TERMS) throw new BadUserInputError("text", `has ${terms.length} words; use at most ${MAX_SEARCH_TERMS}`);
    const long = terms.find((t) => t.length > MAX_TERM_LENGTH);
    if (long !== undefined) throw new BadUserInputError("text", `has a word longer than ${MAX_TERM_LENGTH} characters`);
    const first = intInRange("first", args.first ?? DEFAULT_SEARCH_RESULTS, 1, MAX_SEARCH_RESULTS);
    const kinds = nonEmptyOrNull("kinds", args.kinds);
    const candidates = await this.store.searchCandidates({ terms, kinds, limit: SEARCH_CANDIDATE_LIMIT });
    const hits = candidates
      .map((concept) => ({ concept, match: rankConcept(terms, concept) }))
      .filter((h): h is { concept: typeof h.concept; match: NonNullable<typeof h.match> } => h.match !== null)
      .sort(compareHits)
      .slice(0, first);
    for (const h of hits) this.loaders.concept.prime(h.concept.id, h.concept);
    return hits.map((h) => ({ concept: h.concept, score: h.match.score, matchedField: h.match.field, matchedText: h.match.text }));
  }
}

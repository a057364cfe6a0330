import type { ConceptKind } from "../domain/concept-kind.js";
import { SEARCH_TARGETS, compareMixedHits, rankEvidence, rankSource, type SearchTarget } from "../domain/record-search-ranking.js";
import { MAX_SEARCH_TERMS, MAX_TERM_LENGTH, compareHits, rankConcept, searchTokens } from "../domain/search-ranking.js";
import { BadUserInputError } from "../errors/app-errors.js";
import type { PlannedEvidence } from "../plan/plan-result.js";
import type { EvidenceSelection } from "../plan/read-plan.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { EvidenceRecord, TextSearchCandidates, TextSearchRequest } from "../store/store.types.js";
import { primeSources, shapeEvidence } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";
import { intInRange, nonEmptyOrNull, textOfLength } from "./argument-rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { AnySearchHitResult } from "./search-all-results.types.js";
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
    const terms = queryTerms(args.text);
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

  /**
   * The best matches among concepts, sources and claims (all kinds unless `types` narrows them), ranked
   * together by the shared rule. Restricted to concepts it answers exactly what `search` answers. With
   * a claims selection, the candidates and what is selected of the claims are read in one plan.
   */
  async searchAll(args: { text: string; types?: readonly SearchTarget[] | null; first?: number | null }, claims: EvidenceSelection | null = null): Promise<AnySearchHitResult[]> {
    const terms = queryTerms(args.text);
    const first = intInRange("first", args.first ?? DEFAULT_SEARCH_RESULTS, 1, MAX_SEARCH_RESULTS);
    const targets = nonEmptyOrNull("types", args.types) ?? SEARCH_TARGETS;
    const request = { terms, targets, limit: SEARCH_CANDIDATE_LIMIT };
    const { candidates, claim } = claims === null ? { candidates: await this.store.textSearchCandidates(request), claim: (e: EvidenceRecord) => e } : await this.plannedCandidates(request, claims);
    const hits: (AnySearchHitResult & { label: string; id: string })[] = [];
    for (const concept of candidates.concepts) {
      const m = rankConcept(terms, concept);
      if (m !== null) hits.push({ target: "concept", score: m.score, matchedField: m.field, matchedText: m.text, concept, label: concept.name, id: concept.id });
    }
    for (const source of candidates.sources) {
      const m = rankSource(terms, source);
      if (m !== null) hits.push({ target: "source", score: m.score, matchedField: m.field, matchedText: m.text, source, label: source.title, id: source.id });
    }
    for (const { evidence, citedSourceTitle } of candidates.evidence) {
      const m = rankEvidence(terms, evidence, citedSourceTitle);
      if (m !== null) hits.push({ target: "evidence", score: m.score, matchedField: m.field, matchedText: m.text, evidence, label: evidence.claim, id: evidence.id });
    }
    const best = hits.sort(compareMixedHits).slice(0, first);
    for (const h of best) {
      if (h.target === "concept") this.loaders.concept.prime(h.concept.id, h.concept);
      if (h.target === "source") this.loaders.source.prime(h.source.id, h.source);
    }
    return best.map(({ label: _label, id: _id, ...hit }) => (hit.target === "evidence" ? { ...hit, evidence: claim(hit.evidence) } : hit) as AnySearchHitResult);
  }

  /** The candidates read in one plan, and the planned shape of each claim record among them. */
  private async plannedCandidates(request: TextSearchRequest, claims: EvidenceSelection): Promise<{ candidates: TextSearchCandidates; claim: (e: EvidenceRecord) => EvidenceRecord }> {
    const answer = await readPlan(this.loaders, { root: "searchAll", request, claims });
    primeSources(answer, this.loaders);
    const planned = new Map(answer.value.evidence.map((c) => [c.evidence.record, c.evidence]));
    const candidates = { ...answer.value, evidence: answer.value.evidence.map((c) => ({ evidence: c.evidence.record, citedSourceTitle: c.citedSourceTitle })) };
    return { candidates, claim: (e) => shapeEvidence(planned.get(e) as PlannedEvidence, claims, answer.knownSources) };
  }
}

/** The distinct query terms of a search text; BAD_USER_INPUT naming `text` when it has none, too many or too long ones. */
function queryTerms(raw: string): string[] {
  const text = textOfLength("text", raw, 1, 200);
  const terms = [...new Set(searchTokens(text))];
  if (terms.length === 0) throw new BadUserInputError("text", "must contain at least one letter or digit");
  if (terms.length > MAX_SEARCH_TERMS) throw new BadUserInputError("text", `has ${terms.length} words; use at most ${MAX_SEARCH_TERMS}`);
  const long = terms.find((t) => t.length > MAX_TERM_LENGTH);
  if (long !== undefined) throw new BadUserInputError("text", `has a word longer than ${MAX_TERM_LENGTH} characters`);
  return terms;
}

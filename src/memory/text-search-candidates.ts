import { rankEvidence, rankSource } from "../domain/record-search-ranking.js";
import type { TextSearchCandidates, TextSearchRequest } from "../store/store.types.js";
import type { GraphIndex } from "./graph-index.js";
import { searchCandidatesOf } from "./search-candidates.js";

/** Every concept, source and claim of the requested kinds that the shared ranking accepts: exactly what ranking keeps. */
export function textSearchCandidatesOf(index: GraphIndex, request: TextSearchRequest): TextSearchCandidates {
  const wants = (target: TextSearchRequest["targets"][number]): boolean => request.targets.includes(target);
  const titleOf = (id: string | null): string | null => (id === null ? null : index.sources.get(id)?.title ?? null);
  return {
    concepts: wants("concept") ? searchCandidatesOf(index.graph, { terms: request.terms, kinds: null, limit: request.limit }) : [],
    sources: wants("source") ? [...index.sources.values()].filter((s) => rankSource(request.terms, s) !== null) : [],
    evidence: wants("evidence")
      ? [...index.evidenceByRelation.values()]
          .flat()
          .map((evidence) => ({ evidence, citedSourceTitle: titleOf(evidence.citedSourceId) }))
          .filter((c) => rankEvidence(request.terms, c.evidence, c.citedSourceTitle) !== null)
      : [],
  };
}

import { rankConcept } from "../domain/search-ranking.js";
import type { ConceptRecord, SearchCandidateRequest } from "../store/store.types.js";
import type { ConceptGraph } from "./graph-index.js";

/** Every concept of an allowed kind that the shared ranking accepts: exactly what ranking would keep, unordered. */
export function searchCandidatesOf(graph: ConceptGraph, request: SearchCandidateRequest): ConceptRecord[] {
  return graph
    .mapNodes((_id, { concept }) => concept)
    .filter((c) => (request.kinds === null || request.kinds.includes(c.kind)) && rankConcept(request.terms, c) !== null);
}

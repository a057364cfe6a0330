import { conceptSortKey } from "../domain/concept-sort-key.js";
import type { ConceptFilter, ConceptRecord } from "../store/store.types.js";
import type { ConceptGraph } from "./graph-index.js";
import { incidentLinks } from "./links.js";

/** True when the concept passes every part of the filter (absent parts pass), with the Cypher filter's meaning. */
export function matchesFilter(graph: ConceptGraph, concept: ConceptRecord, filter: ConceptFilter): boolean {
  const { ids, kinds, text, xrefCurie, xrefPrefix, hasRelation, dataset } = filter;
  if (ids !== undefined && !ids.includes(concept.id)) return false;
  if (kinds !== undefined && !kinds.includes(concept.kind)) return false;
  // The service lower-cases the text with the same sort key the names are compared by.
  if (text !== undefined && ![concept.name, ...concept.synonyms].some((s) => conceptSortKey(s).includes(text))) return false;
  if (xrefCurie !== undefined && !concept.xrefs.some((x) => x.curie === xrefCurie)) return false;
  if (xrefPrefix !== undefined && !concept.xrefs.some((x) => x.prefix === xrefPrefix)) return false;
  if (dataset !== undefined && concept.dataset !== dataset) return false;
  if (hasRelation !== undefined) {
    const links = incidentLinks(graph, concept.id, hasRelation.direction, hasRelation.type === null ? null : [hasRelation.type]);
    if (!links.some((l) => hasRelation.otherId === null || l.concept.id === hasRelation.otherId)) return false;
  }
  return true;
}

import { compareCodeUnits } from "../domain/path-ranking.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { ConceptRecord, EvidenceRecord } from "../store/store.types.js";
import type { GraphIndex } from "./graph-index.js";

/** Evidence located in the source or attributed to it, ordered by (start, end, id). */
export function evidenceOfSource(index: GraphIndex, sourceId: string): EvidenceRecord[] {
  return [...index.evidenceByRelation.values()]
    .flat()
    .filter((e) => e.sourceId === sourceId || e.citedSourceId === sourceId)
    .sort((a, b) => a.locator.start - b.locator.start || a.locator.end - b.locator.end || compareCodeUnits(a.id, b.id));
}

/** Concepts with at least one mention in the source, ordered by (name sort key, id). */
export function conceptsMentionedIn(index: GraphIndex, sourceId: string): ConceptRecord[] {
  return index.graph
    .mapNodes((_id, { concept }) => concept)
    .filter((c) => c.mentions.some((m) => m.sourceId === sourceId))
    .sort(compareConceptsByName);
}

import type { AgentType, KnowledgeLevel } from "./evidence.js";
import { compareCodeUnits } from "./path-ranking.js";

/**
 * A filter on provenance. An evidence record matches when it meets every given criterion; a relation
 * passes when at least one of its evidence records matches. `sources` matches the record's own source
 * or the source it cites. A null list means "any".
 */
export interface EvidenceFilter {
  readonly sources: readonly string[] | null;
  readonly knowledgeLevels: readonly KnowledgeLevel[] | null;
  readonly agentTypes: readonly AgentType[] | null;
}

/** What the filter looks at in an evidence record. */
export interface FilterableEvidence {
  readonly sourceId: string;
  readonly citedSourceId: string | null;
  readonly knowledgeLevel: KnowledgeLevel;
  readonly agentType: AgentType;
}

const canonical = <T extends string>(values: readonly T[] | null | undefined): readonly T[] | null =>
  values === null || values === undefined ? null : [...new Set(values)].sort(compareCodeUnits);

/** The filter with sorted, de-duplicated lists, or null when it constrains nothing. */
export function normaliseEvidenceFilter(filter: Partial<EvidenceFilter> | null | undefined): EvidenceFilter | null {
  if (filter === null || filter === undefined) return null;
  const normal = { sources: canonical(filter.sources), knowledgeLevels: canonical(filter.knowledgeLevels), agentTypes: canonical(filter.agentTypes) };
  return normal.sources === null && normal.knowledgeLevels === null && normal.agentTypes === null ? null : normal;
}

/** True when the evidence record meets every criterion of the filter (always true for no filter). */
export function evidenceMatches(filter: EvidenceFilter | null | undefined, evidence: FilterableEvidence): boolean {
  if (filter === null || filter === undefined) return true;
  const { sources, knowledgeLevels, agentTypes } = filter;
  if (sources !== null && !sources.includes(evidence.sourceId) && (evidence.citedSourceId === null || !sources.includes(evidence.citedSourceId))) {
    return false;
  }
  if (knowledgeLevels !== null && !knowledgeLevels.includes(evidence.knowledgeLevel)) return false;
  return agentTypes === null || agentTypes.includes(evidence.agentType);
}

/** True when a relation with this evidence passes the filter: some record matches it. */
export function relationPasses(filter: EvidenceFilter | null | undefined, evidence: readonly FilterableEvidence[]): boolean {
  return filter === null || filter === undefined || evidence.some((e) => evidenceMatches(filter, e));
}

/** A stable text key for caches: equal filters (after normalisation) give equal keys; "" for none. */
export function evidenceFilterKey(filter: EvidenceFilter | null | undefined): string {
  return filter === null || filter === undefined ? "" : JSON.stringify([filter.sources, filter.knowledgeLevels, filter.agentTypes]);
}

import type { EvidenceFilter } from "../../domain/evidence-filter.js";

/**
 * Cypher fragments for the evidence filter. A relation passes when at least one :Evidence node with
 * its id matches every criterion; `sources` matches the evidence's source or its cited source.
 * Fragments take variable and parameter names chosen by the builders (fixed identifiers, never input);
 * the filter values always travel as parameters.
 */

/** The parameter map of a filter, or null for none. */
export function evidenceFilterParam(filter: EvidenceFilter | null | undefined): Record<string, unknown> | null {
  if (filter === null || filter === undefined) return null;
  const list = (values: readonly string[] | null) => (values === null ? null : [...values]);
  return { sources: list(filter.sources), levels: list(filter.knowledgeLevels), agents: list(filter.agentTypes) };
}

/** True when the :Evidence node `e` matches the filter map `f` (which must not be null). */
export function evidenceMatch(e: string, f: string): string {
  return `(${f}.sources IS NULL OR ${e}.sourceId IN ${f}.sources OR ${e}.citedSourceId IN ${f}.sources)
        AND (${f}.levels IS NULL OR ${e}.knowledgeLevel IN ${f}.levels)
        AND (${f}.agents IS NULL OR ${e}.agentType IN ${f}.agents)`;
}

/** True when relationship `r` passes the filter map `f`, or `f` is null; one indexed lookup per relation. */
export function relationPasses(r: string, f: string): string {
  return `(${f} IS NULL OR EXISTS { MATCH (ev:Evidence {relationId: ${r}.id}) WHERE ${evidenceMatch("ev", f)} })`;
}

/**
 * A CALL block binding `allowed` to the ids of every relation that passes `f` (empty when `f` is
 * null). Variable-length walks test `r.id IN allowed`, a plain property predicate the planner applies
 * while it expands, so the filter cuts the walk instead of filtering finished paths.
 */
export function allowedRelationsCall(f: string, scope: string): string {
  return `CALL (${scope}) {
        OPTIONAL MATCH (ev:Evidence) WHERE ${f} IS NOT NULL AND ${evidenceMatch("ev", f)}
        RETURN collect(DISTINCT ev.relationId) AS allowed
      }`;
}

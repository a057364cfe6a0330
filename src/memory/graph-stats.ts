import { CONCEPT_KINDS } from "../domain/concept-kind.js";
import { RELATION_TYPES } from "../domain/relation-type.js";
import type { GraphStatsRecord } from "../store/store.types.js";
import type { GraphIndex } from "./graph-index.js";

/** Counts per kind and per relation type in vocabulary order, zero-filled, with totals, like the Neo4j count query. */
export function graphStatsOf(index: GraphIndex): GraphStatsRecord {
  const concepts = index.graph.mapNodes((_id, { concept }) => concept);
  const conceptsByKind = CONCEPT_KINDS.map((key) => ({ key, count: concepts.filter((c) => c.kind === key).length }));
  const relationsByType = RELATION_TYPES.map((key) => ({ key, count: index.relations.filter((r) => r.type === key).length }));
  // Evidence nodes are merged on id in Neo4j, so count distinct ids.
  const evidenceIds = new Set([...index.evidenceByRelation.values()].flat().map((e) => e.id));
  return {
    concepts: conceptsByKind.reduce((n, k) => n + k.count, 0),
    relations: relationsByType.reduce((n, t) => n + t.count, 0),
    evidence: evidenceIds.size,
    sources: index.sources.size,
    conceptsByKind,
    relationsByType,
  };
}

import { CONCEPT_KINDS, type ConceptKind } from "../domain/concept-kind.js";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { RELATION_TYPES, type RelationType } from "../domain/relation-type.js";
import { resetGraphQuery, seedLoadQueries } from "./cypher/seed-load.cypher.js";
import { graphCountsQuery } from "./cypher/graph-counts.cypher.js";
import { awaitIndexes } from "./graph-schema.applier.js";
import type { Neo4jExecutor, WriteCounters } from "./neo4j-executor.js";

export interface GraphCounts {
  readonly concepts: number;
  readonly relations: number;
  readonly evidence: number;
  readonly sources: number;
  readonly conceptsByKind: Readonly<Record<ConceptKind, number>>;
  readonly relationsByType: Readonly<Record<RelationType, number>>;
}

export interface SeedLoadReport {
  readonly counters: WriteCounters;
  /** What the database holds after the load. */
  readonly counts: GraphCounts;
  /** Concepts in the database that the seed does not contain (kept; --reset removes them). */
  readonly conceptsNotInSeed: number;
  readonly durationMs: number;
}

const LOAD_TIMEOUT_MS = 120_000;

/**
 * Writes the validated graph in one write transaction (after wiping the seed-owned nodes when
 * `reset` is set), waits for the indexes to catch up and reports what changed and what is stored.
 */
export async function loadGraph(executor: Neo4jExecutor, graph: KnowledgeGraph, options: { reset: boolean }): Promise<SeedLoadReport> {
  const started = performance.now();
  const queries = [...(options.reset ? [resetGraphQuery()] : []), ...seedLoadQueries(graph)];
  const { counters } = await executor.writeAll(queries, LOAD_TIMEOUT_MS);
  await awaitIndexes(executor, 300);
  const counts = await readGraphCounts(executor);
  const ids = graph.concepts.map((c) => c.id);
  const [stale] = await executor.read({
    cypher: "MATCH (c:Concept) WHERE NOT c.id IN $ids RETURN count(c) AS n",
    params: { ids },
  });
  return { counters, counts, conceptsNotInSeed: Number(stale?.["n"] ?? 0), durationMs: performance.now() - started };
}

/** Counts concepts per kind, relations per type, evidence and sources, zero-filled for absent ones. */
export async function readGraphCounts(executor: Neo4jExecutor): Promise<GraphCounts> {
  const [row] = await executor.read(graphCountsQuery());
  const kinds = (row?.["kinds"] ?? []) as { key: string; n: number }[];
  const types = (row?.["types"] ?? []) as { key: string; n: number }[];
  const conceptsByKind = Object.fromEntries(CONCEPT_KINDS.map((k) => [k, kinds.find((x) => x.key === k)?.n ?? 0])) as Record<ConceptKind, number>;
  const relationsByType = Object.fromEntries(RELATION_TYPES.map((t) => [t, types.find((x) => x.key === t)?.n ?? 0])) as Record<RelationType, number>;
  return {
    concepts: Object.values(conceptsByKind).reduce((a, b) => a + b, 0),
    relations: Object.values(relationsByType).reduce((a, b) => a + b, 0),
    evidence: Number(row?.["evidence"] ?? 0),
    sources: Number(row?.["sources"] ?? 0),
    conceptsByKind,
    relationsByType,
  };
}

import { randomUUID } from "node:crypto";
import { CONCEPT_KINDS, type ConceptKind } from "../domain/concept-kind.js";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { RELATION_TYPES, type RelationType } from "../domain/relation-type.js";
import { resetGraphQuery, seedLoadQueries } from "./cypher/seed-load.cypher.js";
import { graphCountsQuery } from "./cypher/graph-counts.cypher.js";
import { stampGraphLoadQuery } from "./cypher/graph-stamp.cypher.js";
import { awaitIndexes } from "./graph-schema.applier.js";
import type { Neo4jExecutor, WriteCounters } from "./neo4j-executor.js";
import { loadGraphStaged, type StagedLoadOptions } from "./staged-loader.js";

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
  /** Set when the graph went in as staged batches and one swap (see staged-loader.ts). */
  readonly batched?: { readonly steps: number; readonly stagingMs: number; readonly swapMs: number; readonly cleanupMs: number };
}

const LOAD_TIMEOUT_MS = 120_000;

/**
 * From this many concepts on, a graph loads in staged batches: one transaction holding every row of a
 * large graph would not fit Neo4j's heap (2 GB by default in tools/neo4j), and one statement per kind
 * would send a parameter list of a million maps. Smaller graphs keep the idempotent MERGE load.
 */
export const BATCHED_LOAD_MIN_CONCEPTS = 5000;

export type LoadOptions = { readonly reset: boolean; readonly batched?: boolean } & Omit<StagedLoadOptions, "reset">;

/**
 * Writes the validated graph in one write transaction (after wiping the seed-owned nodes when
 * `reset` is set), waits for the indexes to catch up and reports what changed and what is stored.
 * Large graphs (or `batched: true`) go through the staged batched load instead, with the same outcome.
 */
export async function loadGraph(executor: Neo4jExecutor, graph: KnowledgeGraph, options: LoadOptions): Promise<SeedLoadReport> {
  const started = performance.now();
  if (options.batched ?? graph.concepts.length >= BATCHED_LOAD_MIN_CONCEPTS) {
    const staged = await loadGraphStaged(executor, graph, options);
    await awaitIndexes(executor, 3600);
    const counts = await readGraphCounts(executor);
    return {
      counters: staged.counters,
      counts,
      // Every seed concept was created afresh, so the others are the ones kept from before.
      conceptsNotInSeed: counts.concepts - graph.concepts.length,
      durationMs: performance.now() - started,
      batched: { steps: staged.steps, stagingMs: staged.stagingMs, swapMs: staged.swapMs, cleanupMs: staged.cleanupMs },
    };
  }
  const queries = [...(options.reset ? [resetGraphQuery()] : []), ...seedLoadQueries(graph), stampGraphLoadQuery(randomUUID(), options.reset)];
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

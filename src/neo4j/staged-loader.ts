import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { resetGraphQuery } from "./cypher/seed-load.cypher.js";
import {
  STAGED_CLEANUP_ORDER,
  promoteStagedQueries,
  removeStagedBatchQuery,
  stagedLoadPlan,
  stagedNodeCountQuery,
  type LoadStep,
} from "./cypher/staged-load.cypher.js";
import { syncToursQuery } from "./cypher/tour-load.cypher.js";
import { emptyCounters, type Neo4jExecutor, type WriteCounters } from "./neo4j-executor.js";

/** Rows per UNWIND statement unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Nodes removed per transaction when cleaning up a failed or interrupted load. */
const CLEANUP_BATCH = 20_000;
const STEP_TIMEOUT_MS = 300_000;
// The swap relabels every node of the graph in one transaction: minutes at a million concepts on a busy machine.
const SWAP_TIMEOUT_MS = 3_600_000;

/** A batched load that stopped; the staged nodes were removed and the live graph is as it was. */
export class StagedLoadError extends Error {
  override readonly name = "StagedLoadError";
}

export interface StagedLoadOptions {
  /** Replace the live graph at the swap; without it the load is refused when a graph is already stored. */
  readonly reset: boolean;
  readonly batchSize?: number;
  /** Test hook: rewrites the plan before it runs, e.g. to make a step fail part way. */
  readonly alterPlan?: (plan: Iterable<LoadStep>) => Iterable<LoadStep>;
  /** Called after each committed step. */
  readonly onStep?: (event: { readonly what: string; readonly done: number; readonly ms: number }) => void;
}

export interface StagedLoadResult {
  readonly counters: WriteCounters;
  readonly steps: number;
  readonly stagingMs: number;
  readonly swapMs: number;
}

/**
 * Loads a validated graph in batches of UNWIND statements, each in its own transaction, under staging
 * labels that no read query sees; then swaps them in with ONE transaction (removing the previous graph
 * there when `reset` is set). Any failure before the swap commits removes the staged nodes again, so the
 * live graph is exactly as it was. Staged nodes left by a killed process are removed when the next load starts.
 */
export async function loadGraphStaged(executor: Neo4jExecutor, graph: KnowledgeGraph, options: StagedLoadOptions): Promise<StagedLoadResult> {
  if (!options.reset && (await holdsLiveGraph(executor))) {
    throw new StagedLoadError(
      `A graph of ${graph.concepts.length} concepts loads in batches, which replaces the stored graph at the end; the database already holds one, so run with --reset. Nothing was written.`,
    );
  }
  await removeStagedNodes(executor);
  const counters = emptyCounters();
  const started = performance.now();
  const plan = options.alterPlan === undefined ? stagedLoadPlan(graph, options.batchSize ?? DEFAULT_BATCH_SIZE) : options.alterPlan(stagedLoadPlan(graph, options.batchSize ?? DEFAULT_BATCH_SIZE));
  let steps = 0;
  let current = "the swap";
  try {
    for (const step of plan) {
      current = step.what;
      const stepStarted = performance.now();
      add(counters, (await executor.writeAll([step.query], STEP_TIMEOUT_MS)).counters);
      steps++;
      options.onStep?.({ what: step.what, done: steps, ms: performance.now() - stepStarted });
    }
    const stagingMs = performance.now() - started;
    current = "the swap";
    const swap = [...(options.reset ? [resetGraphQuery()] : []), ...promoteStagedQueries(), syncToursQuery(graph.tours)];
    add(counters, (await executor.writeAll(swap, SWAP_TIMEOUT_MS)).counters);
    return { counters, steps, stagingMs, swapMs: performance.now() - started - stagingMs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failedAt = `The batched load failed at ${current} (after ${steps} committed batches): ${reason}.`;
    try {
      await removeStagedNodes(executor);
    } catch {
      // Staged nodes are invisible to reads, and the next load removes them before it starts.
      throw new StagedLoadError(`${failedAt} The stored graph is unchanged; removing the staged nodes failed too, the next load removes them.`, { cause: error });
    }
    throw new StagedLoadError(`${failedAt} The staged nodes were removed; the stored graph is unchanged.`, { cause: error });
  }
}

/** Removes every staged node, label by label in batches; returns how many were removed. */
export async function removeStagedNodes(executor: Neo4jExecutor): Promise<number> {
  const [left] = await executor.read(stagedNodeCountQuery());
  if (Number(left?.["n"] ?? 0) === 0) return 0;
  let removed = 0;
  for (const label of STAGED_CLEANUP_ORDER) {
    for (;;) {
      const { rows } = await executor.writeAll([removeStagedBatchQuery(label, CLEANUP_BATCH)], STEP_TIMEOUT_MS);
      const n = Number(rows[0]?.[0]?.["n"] ?? 0);
      removed += n;
      if (n === 0) break;
    }
  }
  return removed;
}

async function holdsLiveGraph(executor: Neo4jExecutor): Promise<boolean> {
  const rows = await executor.read({ cypher: "MATCH (c:Concept) RETURN c.id AS id LIMIT 1", params: {} });
  return rows.length > 0;
}

function add(total: WriteCounters, more: WriteCounters): void {
  for (const key of Object.keys(total) as (keyof WriteCounters)[]) total[key] += more[key];
}

import { randomUUID } from "node:crypto";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import {
  promoteStagedQuery,
  removeRetiredQueries,
  removeStagedQueries,
  restoreRelationIdsQuery,
  retireLiveGraphQueries,
  stagedLoadPlan,
  type LoadStep,
} from "./cypher/staged-load.cypher.js";
import { stampGraphLoadQuery } from "./cypher/graph-stamp.cypher.js";
import { syncToursQuery } from "./cypher/tour-load.cypher.js";
import { emptyCounters, type Neo4jExecutor, type WriteCounters } from "./neo4j-executor.js";

/** Rows per UNWIND statement unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Nodes per transaction when the swap relabels, and when staged or retired nodes are removed. */
export const DEFAULT_SWAP_BATCH = 20_000;
const STEP_TIMEOUT_MS = 300_000;
// One swap or cleanup statement walks the whole graph (in batches of its own): minutes at a million concepts on a busy machine.
const SWAP_TIMEOUT_MS = 3_600_000;

/** A batched load that stopped; the message says what state the stored graph is in. */
export class StagedLoadError extends Error {
  override readonly name = "StagedLoadError";
}

export interface StagedLoadOptions {
  /** Replace the live graph at the swap; without it the load is refused when a graph is already stored. */
  readonly reset: boolean;
  readonly batchSize?: number;
  /** Nodes per transaction in the swap and the clean-ups (default DEFAULT_SWAP_BATCH). */
  readonly swapBatch?: number;
  /** Test hook: rewrites the staging plan before it runs, e.g. to make a step fail part way. */
  readonly alterPlan?: (plan: Iterable<LoadStep>) => Iterable<LoadStep>;
  /** Test hook: runs between the swap's statements (after `done` of them), e.g. to read what a reader sees then. */
  readonly duringSwap?: (done: number) => Promise<void>;
  /** Called after each committed step. */
  readonly onStep?: (event: { readonly what: string; readonly done: number; readonly ms: number }) => void;
}

export interface StagedLoadResult {
  readonly counters: WriteCounters;
  readonly steps: number;
  /** Writing the staged nodes: the live graph is untouched and reads see only it. */
  readonly stagingMs: number;
  /** The swap: retiring the old graph and promoting the staged one, in batches; reads see a mix meanwhile. */
  readonly swapMs: number;
  /** Removing the replaced graph, after the swap; reads no longer see it. */
  readonly cleanupMs: number;
}

/**
 * Loads a validated graph in batches of UNWIND statements, each in its own transaction, under staging
 * labels that no read query sees; then swaps it in: the old graph (with `reset`) is retired and the staged
 * nodes promoted, each in batched transactions, so the swap's memory stays bounded at any size; last, the
 * retired graph is removed. A failure while staging removes the staged nodes and leaves the live graph as
 * it was. A failure during the swap leaves a partly replaced graph, and says so: loading again with reset
 * replaces all of it. Leftovers of a killed load are removed when the next one starts.
 */
export async function loadGraphStaged(executor: Neo4jExecutor, graph: KnowledgeGraph, options: StagedLoadOptions): Promise<StagedLoadResult> {
  const live = await holdsLiveGraph(executor);
  if (!options.reset && live) {
    throw new StagedLoadError(
      `A graph of ${graph.concepts.length} concepts loads in batches, which replaces the stored graph at the end; the database already holds one, so run with --reset. Nothing was written.`,
    );
  }
  const swapBatch = options.swapBatch ?? DEFAULT_SWAP_BATCH;
  await removeLeftovers(executor, swapBatch);
  const counters = emptyCounters();
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Into an empty database relations take their ids at once; beside a live graph that holds the same ids, only after it is retired.
  const plan = stagedLoadPlan(graph, batchSize, live ? "stagedId" : "id");
  let steps = 0;
  let current = "";
  try {
    for (const step of options.alterPlan === undefined ? plan : options.alterPlan(plan)) {
      current = step.what;
      const stepStarted = performance.now();
      add(counters, (await executor.writeAll([step.query], STEP_TIMEOUT_MS)).counters);
      steps++;
      options.onStep?.({ what: step.what, done: steps, ms: performance.now() - stepStarted });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failedAt = `The batched load failed at ${current} (after ${steps} committed batches): ${reason}.`;
    try {
      await runAll(executor, removeStagedQueries(swapBatch));
    } catch {
      // Staged nodes are invisible to reads, and the next load removes them before it starts.
      throw new StagedLoadError(`${failedAt} The stored graph is unchanged; removing the staged nodes failed too, the next load removes them.`, { cause: error });
    }
    throw new StagedLoadError(`${failedAt} The staged nodes were removed; the stored graph is unchanged.`, { cause: error });
  }
  const stagingMs = performance.now() - started;
  const swap = [
    ...(options.reset ? retireLiveGraphQueries(swapBatch) : []),
    ...(live ? [restoreRelationIdsQuery(swapBatch)] : []),
    promoteStagedQuery(swapBatch),
    syncToursQuery(graph.tours),
    stampGraphLoadQuery(randomUUID(), options.reset),
  ];
  let done = 0;
  try {
    for (const query of swap) {
      await options.duringSwap?.(done);
      const result = /\bIN\s+TRANSACTIONS\b/.test(query.cypher) ? await executor.runInTransactions(query, SWAP_TIMEOUT_MS) : await executor.writeAll([query], STEP_TIMEOUT_MS);
      add(counters, result.counters);
      done++;
      options.onStep?.({ what: `swap ${done}/${swap.length}`, done: steps + done, ms: performance.now() - started - stagingMs });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StagedLoadError(
      `The batched load failed during the swap (after ${done} of its ${swap.length} statements): ${reason}. The stored graph may be partly replaced; run the load again with --reset to replace all of it.`,
      { cause: error },
    );
  }
  const swapMs = performance.now() - started - stagingMs;
  add(counters, await runAll(executor, removeRetiredQueries(swapBatch)));
  return { counters, steps, stagingMs, swapMs, cleanupMs: performance.now() - started - stagingMs - swapMs };
}

/** Removes every staged node, hubs last, in batched transactions; returns how many were removed. */
export async function removeStagedNodes(executor: Neo4jExecutor, batch = DEFAULT_SWAP_BATCH): Promise<number> {
  return (await runAll(executor, removeStagedQueries(batch))).nodesDeleted;
}

/** Removes what a killed load left: its staged nodes, and a replaced graph it had not yet removed. */
async function removeLeftovers(executor: Neo4jExecutor, batch: number): Promise<void> {
  await runAll(executor, [...removeStagedQueries(batch), ...removeRetiredQueries(batch)]);
}

async function runAll(executor: Neo4jExecutor, queries: readonly { cypher: string; params: Record<string, unknown> }[]): Promise<WriteCounters> {
  const total = emptyCounters();
  for (const query of queries) add(total, (await executor.runInTransactions(query, SWAP_TIMEOUT_MS)).counters);
  return total;
}

async function holdsLiveGraph(executor: Neo4jExecutor): Promise<boolean> {
  const rows = await executor.read({ cypher: "MATCH (n) WHERE n:Concept OR n:Source RETURN 1 AS found LIMIT 1", params: {} });
  return rows.length > 0;
}

function add(total: WriteCounters, more: WriteCounters): void {
  for (const key of Object.keys(total) as (keyof WriteCounters)[]) total[key] += more[key];
}

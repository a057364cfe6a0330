import type { LoadResult } from "./load-runners.js";
import { QUERY_MIX } from "./query-mix.js";

export interface BenchRun {
  date: string;
  machine: string;
  seconds: number;
  connections: number;
  startupMs: Record<string, number>;
  api: Record<string, LoadResult>;
  raw: Record<string, LoadResult>;
  memory: Record<string, LoadResult>;
}

const n = (x: number | undefined, digits = 0): string => (x === undefined ? "—" : x.toFixed(digits));

/** Renders one run as a markdown section: per-query throughput and latency per backend, and the API/raw ratios. */
export function renderResults(run: BenchRun): string {
  const rows = QUERY_MIX.map((q) => {
    const api = run.api[q.name];
    const raw = run.raw[q.name];
    const mem = run.memory[q.name];
    const ratio = api !== undefined && raw !== undefined ? api.requestsPerSecond / raw.requestsPerSecond : undefined;
    const latencyRatio = api !== undefined && raw !== undefined ? api.p50Ms / raw.p50Ms : undefined;
    return `| ${q.name} | ${n(api?.requestsPerSecond)} | ${n(api?.p50Ms, 1)} / ${n(api?.p99Ms, 1)} | ${n(raw?.requestsPerSecond)} | ${n(raw?.p50Ms, 1)} / ${n(raw?.p99Ms, 1)} | ${n(ratio, 2)} | ${n(latencyRatio, 2)} | ${n(mem?.requestsPerSecond)} | ${n(mem?.p50Ms, 1)} / ${n(mem?.p99Ms, 1)} |`;
  });
  const errors = [...Object.values(run.api), ...Object.values(run.raw), ...Object.values(run.memory)].reduce((s, r) => s + r.errors, 0);
  return [
    `## ${run.date.slice(0, 10)} (${run.date})`,
    "",
    `Machine: ${run.machine}. Load: ${run.connections} concurrent connections, ${run.seconds} s per query after a 2 s warm-up; API and load generator in separate processes; Neo4j embedded 5.26 on the same machine.`,
    "",
    `Startup to first /ready: Neo4j mode ${n(run.startupMs["neo4j"])} ms, in-process mode ${n(run.startupMs["memory"])} ms. Errors during the run: ${errors}.`,
    "",
    "| query | API on Neo4j req/s | p50 / p99 ms | raw Cypher req/s | p50 / p99 ms | API/raw throughput | API/raw p50 | in-process API req/s | p50 / p99 ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
  ].join("\n");
}

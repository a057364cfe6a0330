import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import type { IdPools, ScaleQuery } from "./scale-queries.js";

/** Latency and throughput of one query under load, with answers that were errors counted apart. */
export interface ScaleLoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly firstError: string | null;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Sends the query for `seconds` from `connections` concurrent clients, each request with variables
 * drawn afresh from the pools (seeded, so two runs ask the same questions in the same order).
 */
export async function runScaleLoad(url: string, query: ScaleQuery, pools: IdPools, connections: number, seconds: number, seed = 1): Promise<ScaleLoadResult> {
  const rng = xoroshiro128plus(seed);
  const pick = (n: number): number => uniformInt(rng, 0, n - 1);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const body = JSON.stringify({ query: query.query, variables: query.variables(pools, pick) });
      const t0 = performance.now();
      try {
        const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
        const json = (await response.json()) as { errors?: { message: string }[] };
        if (!response.ok || (json.errors?.length ?? 0) > 0) {
          errors++;
          firstError ??= `${response.status} ${json.errors?.[0]?.message ?? ""}`.slice(0, 200);
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, firstError, reqPerSec: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

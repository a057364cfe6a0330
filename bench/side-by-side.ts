/**
 * The timed part of `npm run bench`: every query of the mix against every setup, in rounds. Within a round the
 * setups take turns query by query, and the order rotates from one query and round to the next, so a slow spell
 * of the shared machine does not land on one setup. Each turn measures throughput and latency, the CPU time the
 * setup's process and the Neo4j JVM spent (from /proc, before and after), and the process's RSS.
 */
import type { BenchArguments } from "./bench-arguments.js";
import type { Setup, SetupName } from "./bench-setups.js";
import type { LoadResult } from "./load-runners.js";
import { cpuMs, rssMiB } from "./process-stats.js";
import { QUERY_MIX } from "./query-mix.js";

export interface Measurement extends LoadResult {
  readonly round: number;
  readonly query: string;
  readonly setup: SetupName;
  /** CPU ms per request of the setup's own process (our API, the peer, or for raw this process running the driver). */
  readonly apiCpuMsPerRequest: number;
  /** CPU ms per request of the Neo4j JVM; null when its process id is unknown (an external Neo4j). */
  readonly neo4jCpuMsPerRequest: number | null;
  /** Resident memory of the setup's process right after the turn. */
  readonly rssMiB: number;
}

export interface RoundOptions {
  readonly rounds: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly neo4jPid: number | null;
  readonly log: (line: string) => void;
}

/** Runs the rounds and returns one measurement per round, query and setup. */
export async function runRounds(setups: readonly Setup[], args: BenchArguments, options: RoundOptions): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const [q, entry] of QUERY_MIX.entries()) {
      const requests = entry.cases(args);
      const shift = (round - 1 + q) % setups.length;
      const order = [...setups.slice(shift), ...setups.slice(0, shift)];
      for (const setup of order) {
        if (options.warmupSeconds > 0) await setup.load(entry, requests, options.connections, options.warmupSeconds);
        const apiBefore = cpuMs(setup.pid);
        const neo4jBefore = options.neo4jPid === null ? null : cpuMs(options.neo4jPid);
        const result = await setup.load(entry, requests, options.connections, options.seconds);
        const apiCpu = cpuMs(setup.pid) - apiBefore;
        const neo4jCpu = options.neo4jPid === null || neo4jBefore === null ? null : cpuMs(options.neo4jPid) - neo4jBefore;
        const perRequest = (ms: number): number => (result.total > 0 ? ms / result.total : 0);
        const m: Measurement = {
          ...result,
          round,
          query: entry.name,
          setup: setup.name,
          apiCpuMsPerRequest: perRequest(apiCpu),
          neo4jCpuMsPerRequest: neo4jCpu === null ? null : perRequest(neo4jCpu),
          rssMiB: rssMiB(setup.pid),
        };
        measurements.push(m);
        options.log(
          `round ${round} ${setup.name.padEnd(11)} ${entry.name.padEnd(30)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${m.p50Ms.toFixed(1)} ms  p99 ${m.p99Ms.toFixed(1)} ms  ` +
            `cpu ${m.apiCpuMsPerRequest.toFixed(2)} + neo4j ${m.neo4jCpuMsPerRequest?.toFixed(2) ?? "?"} ms/req  rss ${m.rssMiB.toFixed(0)} MiB  errors ${m.errors}`,
        );
      }
    }
  }
  return measurements;
}

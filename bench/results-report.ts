import type { AnswerCheck } from "./answer-check.js";
import { SETUP_NAMES, type SetupName } from "./bench-setups.js";
import { QUERY_MIX } from "./query-mix.js";
import type { Measurement } from "./side-by-side.js";

export interface BenchRun {
  date: string;
  machine: string;
  /** One-minute load average when the run started. */
  loadAverage: number;
  quick: boolean;
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Spawn to ready, per server setup. */
  startupMs: Partial<Record<SetupName, number>>;
  answers: AnswerCheck;
  measurements: Measurement[];
}

const n = (x: number | null | undefined, digits = 0): string => (x === undefined || x === null || !Number.isFinite(x) ? "—" : x.toFixed(digits));
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** A range "a–b" of same-round ratios (one value when they agree to the shown digits). */
function range(values: readonly number[]): string {
  if (values.length === 0) return "—";
  const lo = n(Math.min(...values), 2);
  const hi = n(Math.max(...values), 2);
  return lo === hi ? lo : `${lo}–${hi}`;
}

function of(run: BenchRun, query: string, setup: SetupName): Measurement[] {
  return run.measurements.filter((m) => m.query === query && m.setup === setup);
}

/** Same-round ratios of a figure between two setups for one query. */
function ratios(run: BenchRun, query: string, a: SetupName, b: SetupName, figure: (m: Measurement) => number): number[] {
  return of(run, query, a).flatMap((ma) => {
    const mb = of(run, query, b).find((m) => m.round === ma.round);
    return mb === undefined || figure(mb) === 0 ? [] : [figure(ma) / figure(mb)];
  });
}

/** Lines describing the answer check: agreement, or every difference (the first 30 in full). */
export function renderAnswerCheck(check: AnswerCheck): string[] {
  const total = Object.values(check.requests).reduce((s, x) => s + x, 0);
  const perQuery = QUERY_MIX.map((q) => `${q.name} ${check.requests[q.name] ?? 0}`).join(", ");
  const retries =
    check.retried.length === 0
      ? []
      : [`${check.retried.length} answer(s) were errors at first and were asked again: ${check.retried.slice(0, 5).map((r) => `${r.query}, ${r.setup}, ${r.request}: ${r.detail}`).join("; ")}${check.retried.length > 5 ? "; …" : ""}.`];
  if (check.differences.length === 0) {
    return [`Answers: all ${SETUP_NAMES.length} setups gave the same answer to every one of the ${total} requests (${perQuery}).`, ...retries];
  }
  return [
    `Answers: **${check.differences.length} DIFFERENCE(S)** from our API on Neo4j among ${total} requests (${perQuery}):`,
    "",
    ...check.differences.slice(0, 30).map((d) => `- ${d.query}, ${d.setup}, ${d.request}: ${d.detail.replace(/\|/g, "\\|")}`),
    ...(check.differences.length > 30 ? [`- … and ${check.differences.length - 30} more (all in the JSON file).`] : []),
    ...(retries.length === 0 ? [] : ["", ...retries]),
  ];
}

/** Renders one run as a markdown section: figures per query and setup, same-round ratios, and the answer check. */
export function renderResults(run: BenchRun): string {
  const rows = QUERY_MIX.flatMap((q) =>
    SETUP_NAMES.map((setup) => {
      const ms = of(run, q.name, setup);
      if (ms.length === 0) return `| ${q.name} | ${setup} | — | — | — | — | — | — |`;
      const neo = ms.map((m) => m.neo4jCpuMsPerRequest).filter((x): x is number => x !== null);
      return `| ${q.name} | ${setup} | ${n(mean(ms.map((m) => m.requestsPerSecond)))} | ${n(mean(ms.map((m) => m.p50Ms)), 1)} / ${n(mean(ms.map((m) => m.p99Ms)), 1)} | ${n(mean(ms.map((m) => m.apiCpuMsPerRequest)), 2)} | ${neo.length === 0 ? "—" : n(mean(neo), 2)} | ${n(Math.max(...ms.map((m) => m.rssMiB)))} | ${ms.reduce((s, m) => s + m.errors, 0)} |`;
    }),
  );
  const throughput = (m: Measurement): number => m.requestsPerSecond;
  const p50 = (m: Measurement): number => m.p50Ms;
  const ours = ["ours-neo4j", "ours-replica", "ours-memory"] as const;
  const ratioRows = QUERY_MIX.map(
    (q) => `| ${q.name} | ${ours.flatMap((setup) => [range(ratios(run, q.name, setup, "peer", throughput)), range(ratios(run, q.name, setup, "raw", p50))]).join(" | ")} |`,
  );
  const startup = (["ours-neo4j", "ours-replica", "ours-memory", "peer"] as const).map((s) => `${s} ${n(run.startupMs[s])} ms`).join(", ");
  return [
    `## ${run.date.slice(0, 10)} side by side${run.quick ? " (--quick smoke run)" : ""} (${run.date})`,
    "",
    `Machine: ${run.machine}; load average ${run.loadAverage.toFixed(1)} at the start. ` +
      `\`npm run bench${run.quick ? " -- --quick" : ""}\`: ${run.rounds} round(s); in each, every query of the mix goes to every setup in turn (the order rotates), ` +
      `${run.connections} concurrent clients, ${run.warmupSeconds} s warm-up then ${run.seconds} s measured per query and setup. Arguments vary per request (drawn from the seed graph, the same sequence for every setup). ` +
      `Same Neo4j 5.26 and data for all; ours and the peer run as their own Node processes, raw Cypher runs through the driver in the benchmark process. ` +
      `*ours-neo4j* is the default compiled path (one Cypher statement per request); *ours-replica* is the same API on the same Neo4j with READ_REPLICA=true (reads from an in-process copy kept fresh from Neo4j); *ours-memory* serves the seed files without Neo4j.`,
    "",
    `Spawn to ready: ${startup}.`,
    "",
    ...renderAnswerCheck(run.answers),
    "",
    "Mean over rounds. CPU is per request, from /proc utime+stime before and after each turn: *process* is the setup's own process (for raw, the benchmark process running the driver), *Neo4j* the JVM. RSS is the setup's process after its turn (highest over rounds).",
    "",
    "| query | setup | req/s | p50 / p99 ms | process CPU ms/req | Neo4j CPU ms/req | RSS MiB | errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "Ratios within the same round (range over rounds): throughput ours/peer (above 1: ours serves more), p50 ours/raw (1: as fast as the floor).",
    "",
    `| query | ${ours.map((setup) => `${setup} / peer, throughput | ${setup} / raw, p50`).join(" | ")} |`,
    "|---|---:|---:|---:|---:|---:|---:|",
    ...ratioRows,
    "",
  ].join("\n");
}

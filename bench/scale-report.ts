import type { MemoryOutcome } from "./scale-memory.js";
import type { ScaleLoadResult } from "./scale-load.js";
import type { LoadFigures } from "./scale-setup.js";

/** Everything measured at one size. */
export interface SizeResult {
  readonly size: number;
  neo4j: { load: LoadFigures | null; queries: Record<string, ScaleLoadResult> };
  memory: MemoryOutcome | null;
}

/** One run of the scale bench. */
export interface ScaleRun {
  readonly machine: string;
  readonly date: string;
  readonly seconds: number;
  readonly connections: number;
  readonly sizes: SizeResult[];
}

/** Queries whose p50 may grow at most GROWTH_GOAL times from the smallest size to the largest (issue 9). */
export const GROWTH_QUERIES = ["concept lookup", "neighbourhood depth 2", "causalPathways"] as const;
export const GROWTH_GOAL = 1.5;

const n = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits));
/** A size as the tables print it: 100k, 1M. */
export function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
}

/** The run as markdown: load table, query table per size, growth ratios and memory mode. */
export function renderScale(run: ScaleRun): string {
  const lines = [`## Scale: ${run.sizes.map((s) => sizeLabel(s.size)).join(", ")} concepts (${run.date.slice(0, 10)})`, "", `Machine: ${run.machine}. ${run.connections} concurrent clients, ${run.seconds} s per query after a warm-up, ids drawn at random from the loaded graph.`, ""];
  lines.push("| concepts | relations | evidence | load s | staging s | swap s | relations/s | relationships/s (all types) |", "|---|---|---|---|---|---|---|---|");
  for (const s of run.sizes) {
    const l = s.neo4j.load;
    if (l !== null) lines.push(`| ${sizeLabel(s.size)} | ${l.relations} | ${l.evidence} | ${n(l.seconds)} | ${n(l.stagingSeconds)} | ${n(l.swapSeconds)} | ${n(l.relationsPerSecond, 0)} | ${n(l.relationshipsPerSecond, 0)} |`);
  }
  const names = [...new Set(run.sizes.flatMap((s) => Object.keys(s.neo4j.queries)))];
  lines.push("", `| query | ${run.sizes.map((s) => `${sizeLabel(s.size)} p50 / p99 ms, req/s`).join(" | ")} |`, `|---|${run.sizes.map(() => "---").join("|")}|`);
  for (const name of names) {
    const cells = run.sizes.map((s) => {
      const q = s.neo4j.queries[name];
      return q === undefined ? "–" : `${n(q.p50Ms)} / ${n(q.p99Ms)}, ${n(q.reqPerSec, 0)}${q.errors > 0 ? ` (${q.errors} errors)` : ""}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  const first = run.sizes[0];
  const last = run.sizes[run.sizes.length - 1];
  if (first !== undefined && last !== undefined && first !== last) {
    lines.push("", `Growth of p50 from ${sizeLabel(first.size)} to ${sizeLabel(last.size)} (goal ≤ ${GROWTH_GOAL}×):`);
    for (const name of GROWTH_QUERIES) {
      const a = first.neo4j.queries[name]?.p50Ms;
      const b = last.neo4j.queries[name]?.p50Ms;
      const ratio = a !== undefined && b !== undefined ? b / a : Number.NaN;
      lines.push(`- ${name}: ${n(ratio, 2)}×${Number.isNaN(ratio) ? "" : ratio <= GROWTH_GOAL ? " (met)" : " (missed)"}`);
    }
  }
  lines.push("", "| memory mode | seed files MB | outcome |", "|---|---|---|");
  for (const s of run.sizes) if (s.memory !== null) lines.push(`| ${sizeLabel(s.size)} | ${n(s.memory.seedBytes / 2 ** 20, 0)} | ${s.memory.outcome} |`);
  return lines.join("\n");
}

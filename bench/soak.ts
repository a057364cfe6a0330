/**
 * `npm run bench -- --soak [--soak-seconds N]`: holds 50 connections on the API for a minute (or N seconds) with the
 * whole query mix, over loopback only, and reports errors, non-2xx answers, GraphQL errors, latency and how the API
 * process's resident memory moved between the end of the warm-up and the end of the run. Memory mode unless
 * NEO4J_URI is set (then that Neo4j, which must hold the seeded graph, e.g. after `npm run seed`).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { REPO_ROOT } from "../src/config/config.js";
import { buildIsStale } from "../tools/build/build-freshness.mjs";
import { BUILD_INPUTS, STAMP } from "../tools/build/build-paths.mjs";
import { findFreePort } from "../tools/neo4j/neo4j-server.js";
import { startApiProcess } from "./api-process.js";
import { QUERY_MIX } from "./query-mix.js";
import { median } from "./median.js";

export const SOAK_CONNECTIONS = 50;
export const SOAK_DEFAULT_SECONDS = 60;
/** Longest run accepted, so a typo cannot tie up the shared machine for hours. */
export const SOAK_MAX_SECONDS = 3600;
/** Long enough for V8 to grow its heap to the working size under this load, so the drift shows growth, not start-up. */
const WARMUP_SECONDS = 15;

export interface SoakResult {
  readonly date: string;
  readonly backend: "memory" | "neo4j";
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Socket errors (resets, refused connections). */
  readonly errors: number;
  /** Requests without an answer within 10 s. */
  readonly timeouts: number;
  readonly non2xx: number;
  /** 2xx answers whose body carried GraphQL errors. */
  readonly graphqlErrors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssMaxMiB: number;
  /** (end - start) / start of the API process's resident set size, each end the median of a window of samples (first and last 10 s). */
  readonly rssDrift: number;
  /** RSS in MiB once a second during the measured run, to tell a plateau from steady growth. */
  readonly rssSamplesMiB: readonly number[];
}

/** Resident set size of pid in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (match?.[1] === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

/** Runs the soak against a freshly started API process and returns its figures. */
export async function runSoak(seconds: number): Promise<SoakResult> {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > SOAK_MAX_SECONDS) throw new Error(`--soak-seconds must be a whole number from 1 to ${SOAK_MAX_SECONDS}`);
  if (buildIsStale(STAMP, BUILD_INPUTS)) execFileSync(process.execPath, [path.join(REPO_ROOT, "tools", "build", "build-dist.mjs")], { stdio: "inherit" });
  const neo4jUri = process.env["NEO4J_URI"];
  const backend = neo4jUri !== undefined && neo4jUri !== "" ? "neo4j" : "memory";
  const api = await startApiProcess(backend === "neo4j" ? {} : { NEO4J_URI: "" }, await findFreePort());
  try {
    const requests = QUERY_MIX.map((entry) => ({ method: "POST" as const, path: "/graphql", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: entry.graphql, variables: entry.sample }) }));
    for (const request of requests) {
      const body = (await (await fetch(`${api.url}/graphql`, { method: "POST", headers: request.headers, body: request.body })).json()) as { errors?: unknown };
      if (body.errors !== undefined) throw new Error(`soak query fails before the run: ${JSON.stringify(body.errors)}`);
    }
    let graphqlErrors = 0;
    const load = (duration: number, countErrors: boolean) =>
      autocannon({
        url: api.url, // loopback: startApiProcess listens on 127.0.0.1 only
        connections: SOAK_CONNECTIONS,
        duration,
        timeout: 10,
        requests: requests.map((r) => ({
          ...r,
          onResponse: (status: number, body: string) => {
            if (countErrors && status === 200 && body.includes('"errors"')) graphqlErrors++;
          },
        })),
      });
    console.error(`soak: ${backend} mode, ${SOAK_CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${seconds} s`);
    await load(WARMUP_SECONDS, false);
    const samples: number[] = [rssMiB(api.pid)];
    const sampler = setInterval(() => samples.push(rssMiB(api.pid)), 1000);
    let result: autocannon.Result;
    try {
      result = await load(seconds, true);
    } finally {
      clearInterval(sampler);
    }
    samples.push(rssMiB(api.pid));
    // RSS swings by a third between garbage collections under this load, so each end is the median of a window
    // (the first and the last 10 s, less on short runs) rather than one sample that may land on a peak or a trough.
    const window = Math.max(1, Math.min(10, Math.floor(samples.length / 4)));
    const rssStart = median(samples.slice(0, window));
    const rssEnd = median(samples.slice(-window));
    const rssMax = Math.max(...samples);
    console.error(`soak: RSS every 10 s (MiB): ${samples.filter((_, i) => i % 10 === 9).map((v) => v.toFixed(0)).join(", ")}`);
    return {
      date: new Date().toISOString(),
      backend,
      seconds,
      connections: SOAK_CONNECTIONS,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors - result.timeouts, // autocannon counts timeouts among its errors
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      rssStartMiB: rssStart,
      rssEndMiB: rssEnd,
      rssMaxMiB: rssMax,
      rssDrift: (rssEnd - rssStart) / rssStart,
      rssSamplesMiB: samples.map((v) => Math.round(v * 10) / 10),
    };
  } finally {
    await api.stop();
  }
}

/** Renders a soak run as a markdown section for bench/RESULTS.md. */
export function renderSoak(run: SoakResult, machine: string): string {
  const verdict = run.errors + run.timeouts + run.non2xx + run.graphqlErrors === 0 && run.rssDrift < 0.1 ? "goal met (0 errors, drift under 10%)" : "GOAL MISSED (goal: 0 errors, drift under 10%)";
  return [
    `## ${run.date.slice(0, 10)} soak (${run.date})`,
    "",
    `Machine: ${machine}. \`npm run bench -- --soak${run.seconds === SOAK_DEFAULT_SECONDS ? "" : ` --soak-seconds ${run.seconds}`}\`: API in ${run.backend} mode, ${run.connections} connections over loopback cycling through the ${QUERY_MIX.length} queries of the mix, ${WARMUP_SECONDS} s warm-up, then ${run.seconds} s measured.`,
    "",
    "| requests | req/s | errors | timeouts | non-2xx | GraphQL errors | p50 / p99 ms | RSS first 10 s | RSS last 10 s | RSS max | RSS drift |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| ${run.requests} | ${run.requestsPerSecond.toFixed(0)} | ${run.errors} | ${run.timeouts} | ${run.non2xx} | ${run.graphqlErrors} | ${run.p50Ms.toFixed(1)} / ${run.p99Ms.toFixed(1)} | ${run.rssStartMiB.toFixed(0)} MiB | ${run.rssEndMiB.toFixed(0)} MiB | ${run.rssMaxMiB.toFixed(0)} MiB | ${(run.rssDrift * 100).toFixed(1)}% |`,
    "",
    `Result: ${verdict}.`,
    "",
  ].join("\n");
}

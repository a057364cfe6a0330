/**
 * `npm run bench:cpu [-- options]`: the API process's CPU time per request (utime + stime from /proc/<pid>/stat,
 * read before and after a fixed number of requests) for each query of the mix, with arguments varied as the
 * benchmark varies them. In-process graph by default; `--neo4j bolt://host:port` serves from that Neo4j instead
 * (load it first with `npm run seed -- --reset`). It starts no Neo4j and runs none of the other setups.
 *
 * Options:
 *   --entry NAME=PATH  a build to measure (repeatable; default `current=dist/main.js`). Several builds run side by
 *                      side and take turns on each query, the order rotating every round, so that a busy spell of
 *                      the shared machine does not fall on one of them: a before/after comparison in one session.
 *   --requests N       measured requests per query, build and round (default 3000)
 *   --warmup N         requests sent first and not measured (default 500)
 *   --rounds N         rounds (default 3); the table shows the median and the range over rounds
 *   --connections N    concurrent clients (default 10)
 *   --query TEXT       only the queries whose name contains TEXT (repeatable)
 *   --profile DIR      runs the builds under `node --cpu-prof` and leaves the profiles in DIR
 */
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../src/config/config.js";
import { readValidatedSeed } from "../src/seed/seed-pipeline.js";
import { findFreePort } from "../tools/neo4j/neo4j-server.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { benchArguments } from "./bench-arguments.js";
import { runHttpLoad } from "./load-runners.js";
import { median } from "./median.js";
import { cpuMs } from "./process-stats.js";
import { QUERY_MIX } from "./query-mix.js";

interface Build {
  readonly name: string;
  readonly api: ApiProcess;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entry: { type: "string", multiple: true },
      neo4j: { type: "string" },
      requests: { type: "string", default: "3000" },
      warmup: { type: "string", default: "500" },
      rounds: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      query: { type: "string", multiple: true },
      profile: { type: "string" },
    },
  });
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const entries = (values.entry ?? [`current=${path.join(REPO_ROOT, "dist", "main.js")}`]).map((spec) => {
    const at = spec.indexOf("=");
    if (at <= 0) throw new Error(`--entry takes NAME=PATH, got "${spec}"`);
    return { name: spec.slice(0, at), file: path.resolve(spec.slice(at + 1)) };
  });
  const queries = QUERY_MIX.filter((q) => values.query === undefined || values.query.some((text) => q.name.includes(text)));

  const seedDir = path.join(REPO_ROOT, "graph-seed");
  const sourceTextDir = path.resolve(REPO_ROOT, "..", "shared", "sources");
  const seed = await readValidatedSeed(seedDir, sourceTextDir);
  if (!seed.ok) throw new Error("the seed does not validate; run npm run seed -- --check");
  const args = benchArguments(seed.graph);

  // Builds outside this checkout would look for the seed beside themselves; every build reads this one.
  const env: Record<string, string> = { NEO4J_URI: values.neo4j ?? "", SEED_DIR: seedDir, SOURCE_TEXT_DIR: sourceTextDir, LOG_LEVEL: "info" };
  const nodeArgs: string[] = [];
  if (values.profile !== undefined) {
    mkdirSync(values.profile, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`);
  }
  const builds: Build[] = [];
  try {
    for (const entry of entries) builds.push({ name: entry.name, api: await startApiProcess(env, await findFreePort(), { entry: entry.file, nodeArgs }) });
    const loadBefore = loadavg()[0] ?? 0;
    /** ms per request by query, then build, one value per round. */
    const figures = new Map<string, Map<string, number[]>>();
    const errors = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      for (const [q, query] of queries.entries()) {
        const bodies = query.cases(args).map((c) => JSON.stringify({ query: query.graphql, variables: c.ours }));
        const order = builds.map((_, i) => builds[(i + round + q) % builds.length]!);
        for (const build of order) {
          await runHttpLoad(build.api.url, bodies, connections, { requests: warmup });
          const before = cpuMs(build.api.pid);
          const failed = (await runHttpLoad(build.api.url, bodies, connections, { requests, offset: warmup })).errors;
          const perRequest = (cpuMs(build.api.pid) - before) / requests;
          const byBuild = figures.get(query.name) ?? new Map<string, number[]>();
          figures.set(query.name, byBuild);
          byBuild.set(build.name, [...(byBuild.get(build.name) ?? []), perRequest]);
          errors.set(build.name, (errors.get(build.name) ?? 0) + failed);
          console.error(`round ${round + 1}: ${query.name}, ${build.name}: ${perRequest.toFixed(3)} ms/request${failed > 0 ? `, ${failed} failed` : ""}`);
        }
      }
    }
    const loadAfter = loadavg()[0] ?? 0;
    const names = builds.map((b) => b.name);
    const lines = [
      `Process CPU ms/request (utime + stime of the API process over ${requests} requests after ${warmup} unmeasured; median of ${rounds} round(s), range in brackets), ${values.neo4j === undefined ? "in-process graph" : "Neo4j"}, ${connections} clients; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
      "",
      `| query | ${names.join(" | ")} |`,
      `|---|${names.map(() => "---:").join("|")}|`,
      ...queries.map((q) => {
        const byBuild = figures.get(q.name)!;
        return `| ${q.name} | ${names
          .map((n) => {
            const v = byBuild.get(n)!;
            return `${median(v).toFixed(2)} [${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}]`;
          })
          .join(" | ")} |`;
      }),
      "",
      `Failed requests: ${names.map((n) => `${n} ${errors.get(n) ?? 0}`).join(", ")}.`,
    ];
    console.log(lines.join("\n"));
    if ([...errors.values()].some((n) => n > 0)) process.exitCode = 1;
  } finally {
    await Promise.all(builds.map((b) => b.api.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

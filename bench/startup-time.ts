/**
 * `npm run bench:startup [-- --runs N]`: how long each way of starting the API (memory mode) takes from spawn
 * until /ready answers 200, median of N starts (default 7) each. Prepends the table to bench/RESULTS.md.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../src/config/config.js";
import { findFreePort } from "../tools/neo4j/neo4j-server.js";
import { BENCH_API_ENV } from "./bench-env.js";
import { spawnUntilReady } from "./ready-process.js";
import { machineDescription, recordResults } from "./results-file.js";
import { median } from "./median.js";

const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);
const VARIANTS: readonly { name: string; command: readonly [string, ...string[]] }[] = [
  { name: "`npm start` (compiled bundle with V8 code cache)", command: ["npm", "start", "--silent"] },
  { name: "`node tools/build/start.mjs` (the same, without npm)", command: [process.execPath, "tools/build/start.mjs"] },
  { name: "`node dist/main.js` (plain tsc output)", command: [process.execPath, "dist/main.js"] },
  { name: "`tsx src/main.ts` (what `npm start` ran before, without npm)", command: [bin("tsx"), "src/main.ts"] },
];

/** Milliseconds from spawn until GET /ready answers 200; the process group is then stopped. */
async function timeToReady(command: readonly [string, ...string[]], port: number): Promise<number> {
  const api = await spawnUntilReady(command, {
    env: { ...BENCH_API_ENV, NEO4J_URI: "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    readyUrl: `http://127.0.0.1:${port}/ready`,
    timeoutMs: 120_000,
    pollMs: 5,
    group: true,
    stderr: "ignore",
  });
  await api.stop();
  // npm can exit before the server it started has closed its socket: wait until nothing answers any more
  while (await fetch(`http://127.0.0.1:${port}/ready`).then(() => true, () => false)) await new Promise((r) => setTimeout(r, 20));
  return api.startupMs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error("--runs must be a whole number from 1 to 50");
  const port = await findFreePort();
  await timeToReady(VARIANTS[0]?.command ?? ["npm", "start"], port); // builds dist/ if stale and writes the code cache
  await new Promise((r) => setTimeout(r, 4000));
  const date = new Date().toISOString();
  const load = loadavg()[0] ?? 0;
  const rows: { name: string; times: number[] }[] = [];
  for (const variant of VARIANTS) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToReady(variant.command, port));
    rows.push({ name: variant.name, times });
    console.error(`${variant.name}: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`);
  }
  const section = [
    `## ${date.slice(0, 10)} start-up (${date})`,
    "",
    `Machine: ${machineDescription()}; load average ${load.toFixed(1)} at the start (the machine is shared). \`npm run bench:startup\`: memory mode, time from spawn until \`/ready\` answers 200, ${runs} starts each, after one start that builds and caches.`,
    "",
    "| how | median ms | min ms | max ms |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.name} | ${median(r.times).toFixed(0)} | ${Math.min(...r.times).toFixed(0)} | ${Math.max(...r.times).toFixed(0)} |`),
    "",
  ].join("\n");
  await recordResults(section, `startup-${date}`, { date, load, runs, rows });
  console.log(section);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../src/config/config.js";
import { findFreePort } from "../tools/neo4j/neo4j-server.js";
import { BENCH_API_ENV } from "./bench-env.js";

/** How memory mode fared at one size: ready (start-up and RSS) or refused/crashed (with its last words). */
export interface MemoryOutcome {
  readonly seedBytes: number;
  readonly ready: boolean;
  readonly startupMs: number | null;
  readonly rssMb: number | null;
  readonly peakRssMb: number | null;
  readonly outcome: string;
}

function rssOf(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(`${field}:`));
    return line === undefined ? null : Number(line.replace(/\D+/g, "")) / 1024;
  } catch {
    return null;
  }
}

/**
 * Starts the compiled API in memory mode over the written seed (Node's default heap, as a user gets it),
 * waits until it is ready, exits, or `timeoutMs` passes, and reports start-up time and memory.
 */
export async function startMemoryApi(files: { seedDir: string; sourceTextDir: string; bytes: number }, timeoutMs = 900_000): Promise<MemoryOutcome> {
  const port = await findFreePort();
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(port), SEED_DIR: files.seedDir, SOURCE_TEXT_DIR: files.sourceTextDir, ...BENCH_API_ENV };
  delete env["NEO4J_URI"];
  delete env["NODE_OPTIONS"];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "dist", "main.js")], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let peak = 0;
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      peak = Math.max(peak, rssOf(child.pid ?? -1, "VmHWM") ?? 0);
      if (child.exitCode !== null || child.signalCode !== null) {
        const last = stderr.trim().split("\n").slice(-3).join(" | ");
        return { seedBytes: files.bytes, ready: false, startupMs: null, rssMb: null, peakRssMb: peak || null, outcome: `exited (${child.exitCode ?? child.signalCode}) after ${((performance.now() - started) / 1000).toFixed(1)} s: ${last}` };
      }
      if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) break;
      if (performance.now() - started > timeoutMs) return { seedBytes: files.bytes, ready: false, startupMs: null, rssMb: null, peakRssMb: peak, outcome: `not ready after ${timeoutMs / 1000} s` };
      await new Promise((r) => setTimeout(r, 100));
    }
    const startupMs = performance.now() - started;
    const rss = rssOf(child.pid ?? -1, "VmRSS");
    const hwm = rssOf(child.pid ?? -1, "VmHWM");
    return { seedBytes: files.bytes, ready: true, startupMs, rssMb: rss, peakRssMb: hwm, outcome: `ready in ${(startupMs / 1000).toFixed(1)} s, RSS ${rss?.toFixed(0)} MB (peak ${hwm?.toFixed(0)} MB)` };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    }
  }
}

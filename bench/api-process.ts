import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../src/config/config.js";
import { BENCH_API_ENV } from "./bench-env.js";

export interface ApiProcess {
  readonly url: string;
  /** Process id of the API (for memory sampling). */
  readonly pid: number;
  /** Milliseconds from spawning the process until /ready answered 200. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

/**
 * Starts the compiled API (dist/main.js, or another build's `entry`, with `nodeArgs` for Node itself) as its own
 * process and waits until /ready says yes.
 */
export async function startApiProcess(env: Record<string, string>, port: number, options: { entry?: string; nodeArgs?: readonly string[] } = {}): Promise<ApiProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? path.join(REPO_ROOT, "dist", "main.js")], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: String(port), ...BENCH_API_ENV, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error("API did not become ready within 60 s");
    await new Promise((r) => setTimeout(r, 20));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    pid: child.pid ?? -1,
    startupMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

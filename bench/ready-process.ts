import { spawn } from "node:child_process";
import { REPO_ROOT } from "../src/config/config.js";

/** A server the benchmark started as its own process. */
export interface ReadyProcess {
  /** Process id (for memory sampling). */
  readonly pid: number;
  /** Milliseconds from spawning the process until its readiness URL answered. */
  readonly startupMs: number;
  /** SIGTERM (to the whole group for `group`), then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
}

export interface ReadySpawnOptions {
  /** Variables set over this process's own environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Polled with GET until it answers as isReady wants. */
  readonly readyUrl: string;
  /** Whether an answer means ready; by default a 2xx. */
  readonly isReady?: (response: Response) => boolean;
  /** How long to wait for it (default 60 s). */
  readonly timeoutMs?: number;
  /** Pause between two polls (default 20 ms). */
  readonly pollMs?: number;
  /** Runs in its own process group, stopped as a whole: npm and tsx start the server as their child. */
  readonly group?: boolean;
  /** Where its standard error goes (default: this process's). */
  readonly stderr?: "inherit" | "ignore";
}

/** Spawns `command` (program, then arguments) in the repository and resolves once its readiness URL answers. */
export async function spawnUntilReady(command: readonly [string, ...string[]], options: ReadySpawnOptions): Promise<ReadyProcess> {
  const [program, ...args] = command;
  const started = performance.now();
  const child = spawn(program, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "ignore", options.stderr ?? "inherit"],
    detached: options.group === true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const pid = child.pid;
    const signal = (name: NodeJS.Signals) => (options.group === true ? process.kill(-pid, name) : child.kill(name));
    const force = setTimeout(() => signal("SIGKILL"), 15_000);
    signal("SIGTERM");
    await exited;
    clearTimeout(force);
  };
  const isReady = options.isReady ?? ((response: Response) => response.ok);
  const timeoutMs = options.timeoutMs ?? 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with code ${child.exitCode} before it was ready`);
    if (await fetch(options.readyUrl).then(isReady, () => false)) break;
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${command.join(" ")} was not ready within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 20));
  }
  return { pid: child.pid ?? -1, startupMs: performance.now() - started, stop };
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

export interface ApiProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
}

/** Starts `src/main.ts` in its own Node process on a free loopback port and waits until /ready answers 200. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_URI: "", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${stderr.slice(0, 2000)}`);
    if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) return { url, child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`API process did not become ready within 60 s: ${stderr.slice(0, 2000)}`);
}

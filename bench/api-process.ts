import path from "node:path";
import { REPO_ROOT } from "../src/config/config.js";
import { BENCH_API_ENV } from "./bench-env.js";
import { spawnUntilReady, type ReadyProcess } from "./ready-process.js";

export interface ApiProcess extends ReadyProcess {
  readonly url: string;
}

/**
 * Starts the compiled API (dist/main.js, or another build's `entry`, with `nodeArgs` for Node itself) as its own
 * process and waits until /ready says yes.
 */
export async function startApiProcess(env: Record<string, string>, port: number, options: { entry?: string; nodeArgs?: readonly string[] } = {}): Promise<ApiProcess> {
  const url = `http://127.0.0.1:${port}`;
  const api = await spawnUntilReady([process.execPath, ...(options.nodeArgs ?? []), options.entry ?? path.join(REPO_ROOT, "dist", "main.js")], {
    env: { NODE_ENV: "production", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: String(port), ...BENCH_API_ENV, ...env },
    readyUrl: `${url}/ready`,
  });
  return { ...api, url };
}

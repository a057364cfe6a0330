import { spawn } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../src/config/config.js";

export interface PeerProcess {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts bench/peer/peer-server.ts as its own Node process (production mode) and resolves once it listens. */
export async function startPeerProcess(neo4jUri: string, password: string, port: number): Promise<PeerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench", "peer", "peer-server.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", NEO4J_URI: neo4jUri, NEO4J_PASSWORD: password, PEER_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the peer server did not start within 60 s")), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the peer server exited with code ${code}`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("peer ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
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

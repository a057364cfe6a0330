import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort } from "../../tools/neo4j/neo4j-server.js";

/** Starts the API (memory mode) as a child process and resolves with its exit code and stderr once it exits. */
function startApi(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "src", "main.ts")], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("close", (status) => {
      clearTimeout(killer);
      resolve({ status, stderr });
    });
  });
}

describe("API start-up when it cannot listen", () => {
  let blocker: Server | null = null;
  afterEach(() => {
    blocker?.close();
    blocker = null;
  });

  it("exits 1 with one line naming PORT when the port is busy", async () => {
    const port = await findFreePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, "127.0.0.1", resolve));
    const result = await startApi({ HOST: "127.0.0.1", PORT: String(port) });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([`Cannot listen on 127.0.0.1:${port}: the port is in use. Set PORT to a free port (or stop what holds it).`]);
  });

  it("exits 1 with one line naming HOST when the address is not on this machine", async () => {
    const result = await startApi({ HOST: "192.0.2.1", PORT: "0" }); // TEST-NET-1: never a local address
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["Cannot listen on 192.0.2.1:0: no such address here. Set HOST to an address of this machine (e.g. 127.0.0.1)."]);
  });
});

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { findFreePort, javaAndMavenAvailable } from "../../tools/neo4j/neo4j-server.js";

const RUN = path.join(REPO_ROOT, "tools", "neo4j", "run-neo4j.ts");
const STOP = path.join(REPO_ROOT, "tools", "neo4j", "stop-neo4j.ts");
const noJava = !javaAndMavenAvailable();

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kg-launcher-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stopCommand(dataDir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", STOP], { cwd: REPO_ROOT, env: { ...process.env, NEO4J_DATA_DIR: dataDir }, encoding: "utf8", timeout: 90_000 });
}

/** Runs the stop command without blocking this process, so it can reap its own children meanwhile. */
function stopCommandAsync(dataDir: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", STOP], { cwd: REPO_ROOT, env: { ...process.env, NEO4J_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.once("close", (status) => resolve({ status, stdout }));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm run neo4j:stop without a running instance", () => {
  it("says nothing is running when there is no PID file", () => {
    const dataDir = tempDataDir();
    const result = stopCommand(dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`nothing to stop: no PID file at ${path.join(dataDir, "neo4j.pid")}`);
  });

  it("removes a stale PID file whose process is gone, and says so", () => {
    const dataDir = tempDataDir();
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(path.join(dataDir, "neo4j.pid"), JSON.stringify({ pid: gone, startTicks: null, jvmPid: null, jvmStartTicks: null, host: "127.0.0.1", port: 7687, dataDir }));
    const result = stopCommand(dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`stale PID file ${path.join(dataDir, "neo4j.pid")} (pid ${gone} is not running); removed it`);
    expect(existsSync(path.join(dataDir, "neo4j.pid"))).toBe(false);
  });

  it("leaves a live process alone when the recorded pid now belongs to another program", () => {
    const dataDir = tempDataDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      writeFileSync(path.join(dataDir, "neo4j.pid"), JSON.stringify({ pid: other.pid, startTicks: null, jvmPid: null, jvmStartTicks: null, host: "127.0.0.1", port: 7687, dataDir }));
      const result = stopCommand(dataDir);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`(pid ${other.pid} now belongs to another program); removed it`);
      expect(other.exitCode).toBeNull();
      expect(alive(other.pid ?? -1)).toBe(true);
    } finally {
      other.kill("SIGKILL");
    }
  });
});

describe.skipIf(noJava)("npm run neo4j and npm run neo4j:stop", () => {
  let blocker: Server | null = null;
  afterEach(() => {
    blocker?.close();
    blocker = null;
  });

  it("fails at once on a busy port, naming NEO4J_BOLT_PORT", async () => {
    const port = await findFreePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, "127.0.0.1", resolve));
    const result = spawnSync(process.execPath, ["--import", "tsx", RUN], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: tempDataDir() },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Port 127.0.0.1:${port} is already in use`);
    expect(result.stderr).toContain("NEO4J_BOLT_PORT");
  });

  it("records the instance in a PID file, prints the NEO4J_URI to use, and is stopped by the stop command", async () => {
    const dataDir = tempDataDir();
    const port = await findFreePort();
    const child = spawn(process.execPath, ["--import", "tsx", RUN], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: "512m", NEO4J_PAGECACHE: "64m", NEO4J_PASSWORD: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.resume();
      const deadline = Date.now() + 180_000;
      while (!stdout.includes("NEO4J_URI=") && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(stdout).toContain(`Neo4j ready at bolt://127.0.0.1:${port}`);
      expect(stdout).toContain(`NEO4J_URI=bolt://127.0.0.1:${port} npm start`);

      const record = JSON.parse(readFileSync(path.join(dataDir, "neo4j.pid"), "utf8")) as { pid: number; jvmPid: number; port: number; dataDir: string };
      expect(record).toMatchObject({ pid: child.pid, port, dataDir });
      expect(alive(record.jvmPid)).toBe(true);

      const result = await stopCommandAsync(dataDir);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`stopped (pid ${child.pid}, bolt://127.0.0.1:${port}`);
      expect(await exited).toBe(0);
      expect(alive(record.jvmPid)).toBe(false);
      expect(existsSync(path.join(dataDir, "neo4j.pid"))).toBe(false);
      expect(stopCommand(dataDir).stdout).toContain("nothing to stop");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 300_000);
});

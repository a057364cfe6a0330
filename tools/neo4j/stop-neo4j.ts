/**
 * `npm run neo4j:stop`: stops the Neo4j that `npm run neo4j` started for the same NEO4J_DATA_DIR (default
 * .neo4j-data), using the PID file it keeps there. Only that process is signalled, and only after checking
 * that the pid still belongs to our launcher: SIGTERM (the launcher shuts the JVM down cleanly), then
 * SIGKILL to launcher and JVM if they are still there after a bound.
 *
 * Exit codes: 0 when it stopped Neo4j or nothing was running (also for a stale PID file, which is removed),
 * 1 when the process would not die, 2 for invalid settings.
 */
import { isOurJvm, isOurLauncher, pidFilePath, readPidFile, removePidFile, type Neo4jPidRecord } from "./lib/pid-file.js";
import { isProcessRunning } from "./lib/process-liveness.js";
import { NEO4J_DEFAULTS, neo4jOptionsFromEnv } from "./neo4j-server.js";

/** The launcher waits up to stopGraceMs for the JVM to shut down before it kills it; allow that and some slack. */
const GRACEFUL_WAIT_MS = NEO4J_DEFAULTS.stopGraceMs + 15_000;
const KILL_WAIT_MS = 5_000;

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100)); // a referenced timer: nothing else keeps this process alive while it waits
  }
  return true;
}

/** Sends a signal; a process that has exited in the meantime is what we wanted anyway. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function stop(record: Neo4jPidRecord): Promise<boolean> {
  const where = `pid ${record.pid}, bolt://${record.host}:${record.port}, ${record.dataDir}`;
  console.log(`neo4j:stop: stopping Neo4j (${where}) ...`);
  const jvmWasOurs = isOurJvm(record);
  signal(record.pid, "SIGTERM");
  let gone = await waitUntilGone(record.pid, GRACEFUL_WAIT_MS);
  if (!gone) {
    console.error(`neo4j:stop: still running after ${GRACEFUL_WAIT_MS / 1000} s; sending SIGKILL`);
    if (isOurLauncher(record)) signal(record.pid, "SIGKILL");
    gone = await waitUntilGone(record.pid, KILL_WAIT_MS);
  }
  if (jvmWasOurs && record.jvmPid !== null && isOurJvm(record)) {
    // the launcher is gone but its JVM is not (it was killed before it could stop it): the JVM exits on stdin EOF; make sure
    if (!(await waitUntilGone(record.jvmPid, KILL_WAIT_MS)) && isOurJvm(record)) signal(record.jvmPid, "SIGKILL");
    gone = gone && (await waitUntilGone(record.jvmPid, KILL_WAIT_MS));
  }
  removePidFile(record.dataDir);
  if (gone) console.log(`neo4j:stop: stopped (${where})`);
  else console.error(`neo4j:stop: could not stop ${where}`);
  return gone;
}

async function main(): Promise<number> {
  let dataDir: string;
  try {
    dataDir = neo4jOptionsFromEnv(process.env).dataDir;
  } catch (error) {
    console.error(`neo4j:stop: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const file = pidFilePath(dataDir);
  const record = readPidFile(dataDir);
  if (record === "missing") {
    console.log(`neo4j:stop: nothing to stop: no PID file at ${file} (no \`npm run neo4j\` is running with this NEO4J_DATA_DIR)`);
    return 0;
  }
  if (record === "corrupt") {
    removePidFile(dataDir);
    console.log(`neo4j:stop: nothing to stop: ${file} was not a valid PID file; removed it`);
    return 0;
  }
  if (!isOurLauncher(record)) {
    removePidFile(dataDir);
    const why = isProcessRunning(record.pid) ? "now belongs to another program" : "is not running";
    console.log(`neo4j:stop: nothing to stop: stale PID file ${file} (pid ${record.pid} ${why}); removed it`);
    return 0;
  }
  return (await stop(record)) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`neo4j:stop: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

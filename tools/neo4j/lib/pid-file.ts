/**
 * The PID file `npm run neo4j` keeps in its data directory (<data dir>/neo4j.pid) while it runs, so that
 * `npm run neo4j:stop` can stop exactly that instance and nothing else.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isProcessRunning } from "./process-liveness.js";

/** What the running launcher records about itself. */
export interface Neo4jPidRecord {
  /** The `npm run neo4j` launcher (run-neo4j.ts); SIGTERM to it stops Neo4j cleanly. */
  readonly pid: number;
  /** Kernel start time of the launcher (/proc/<pid>/stat field 22), to tell it from a later process that reuses the pid; null off Linux. */
  readonly startTicks: number | null;
  /** The Neo4j JVM, once started. */
  readonly jvmPid: number | null;
  readonly jvmStartTicks: number | null;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
}

/** Marks in /proc/<pid>/cmdline that identify our launcher and our JVM. */
const LAUNCHER_MARK = "run-neo4j";
const JVM_MARK = "kg.neo4j.EmbeddedNeo4j";

/** Path of the PID file for a data directory. */
export function pidFilePath(dataDir: string): string {
  return join(dataDir, "neo4j.pid");
}

/** Writes the record as JSON, replacing any previous file. */
export function writePidFile(record: Neo4jPidRecord): void {
  writeFileSync(pidFilePath(record.dataDir), `${JSON.stringify(record, null, 2)}\n`);
}

/** The record in dataDir's PID file; "missing" when there is none, "corrupt" when it cannot be read as one. */
export function readPidFile(dataDir: string): Neo4jPidRecord | "missing" | "corrupt" {
  let text: string;
  try {
    text = readFileSync(pidFilePath(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const record = JSON.parse(text) as Partial<Neo4jPidRecord>;
    if (!Number.isInteger(record.pid) || (record.pid ?? 0) <= 0 || !Number.isInteger(record.port)) return "corrupt";
    return record as Neo4jPidRecord;
  } catch {
    return "corrupt";
  }
}

/** Deletes dataDir's PID file, but only while it still names ownerPid (a newer launcher may have replaced it). */
export function removePidFileOf(dataDir: string, ownerPid: number): void {
  const record = readPidFile(dataDir);
  if (typeof record === "object" && record.pid === ownerPid) rmSync(pidFilePath(dataDir), { force: true });
}

/** Deletes dataDir's PID file whatever it holds. */
export function removePidFile(dataDir: string): void {
  rmSync(pidFilePath(dataDir), { force: true });
}

/** Kernel start time of pid from /proc (Linux), or null when unknown. */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // comm may contain spaces and parentheses
    const ticks = Number(fields[19]); // field 22 overall; fields[0] is field 3
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return null;
  }
}

/** True when pid is alive and, where /proc can tell, is still the process that was recorded (same start time, expected command line). */
function isSameProcess(pid: number | null, startTicks: number | null, mark: string): boolean {
  if (pid === null || !isProcessRunning(pid)) return false;
  const cmdline = commandLine(pid);
  if (cmdline === null) return true; // no /proc: liveness is all we can check
  if (!cmdline.includes(mark)) return false;
  return startTicks === null || processStartTicks(pid) === startTicks;
}

/** True when the record's launcher is alive and is still our `npm run neo4j` process. */
export function isOurLauncher(record: Neo4jPidRecord): boolean {
  return isSameProcess(record.pid, record.startTicks, LAUNCHER_MARK);
}

/** True when the record's JVM is alive and is still our Neo4j JVM. */
export function isOurJvm(record: Neo4jPidRecord): boolean {
  return isSameProcess(record.jvmPid, record.jvmStartTicks, JVM_MARK);
}

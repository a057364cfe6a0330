/** Small process helpers: is a pid alive or running, a timer that does not keep Node running, progress lines. */
import { readFileSync } from "node:fs";

/** True when a process with this pid exists (also when it belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when pid is alive and not a zombie (exited, waiting for its parent to collect it; /proc on Linux tells). */
export function isProcessRunning(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** Resolves after ms without holding the event loop open. */
export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Writes one `[neo4j] ...` progress line to stderr. */
export function progress(message: string): void {
  process.stderr.write(`[neo4j] ${message}\n`);
}

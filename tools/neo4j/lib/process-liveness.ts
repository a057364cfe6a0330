/** Small process helpers: is a pid alive, and a timer that does not keep Node running. */

/** True when a process with this pid exists (also when it belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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

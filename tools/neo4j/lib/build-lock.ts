/** A cross-process lock (a directory) so parallel test workers do not run Maven at the same time. */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_LOCK, TARGET } from "./paths.js";
import { isProcessAlive, progress } from "./process-liveness.js";

/** How long a build may take; also the age after which a lock is considered abandoned. */
export const BUILD_TIMEOUT_MS = 20 * 60_000;

/** Runs work while holding the build lock; waits for another holder, breaks a lock whose owner is dead or too old. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let ownerPid = Number.NaN;
      try {
        ownerPid = Number(readFileSync(join(BUILD_LOCK, "pid"), "utf8"));
      } catch {
        // lock being created or removed right now
      }
      const lockStat = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      const ageMs = lockStat === undefined ? 0 : Date.now() - lockStat.mtimeMs;
      const stale = (Number.isInteger(ownerPid) && ownerPid > 0 && !isProcessAlive(ownerPid)) || ageMs > BUILD_TIMEOUT_MS;
      if (stale) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the Neo4j build lock ${BUILD_LOCK}`);
      if (!announced) {
        progress("another process is building the Neo4j launcher; waiting ...");
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

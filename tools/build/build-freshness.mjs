// The staleness check behind `npm start`: a few stat calls, no hashing, so it costs milliseconds.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Newest modification time (ms) among the files under the given paths; missing paths count as 0. */
export function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      continue;
    }
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(p).map((name) => path.join(p, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** True when there is no build stamp or any input file is newer than it. */
export function buildIsStale(stampFile, inputs) {
  let builtAt;
  try {
    builtAt = statSync(stampFile).mtimeMs;
  } catch {
    return true;
  }
  return builtAt < newestMtime(inputs);
}

// Runs the bundle with a V8 code cache kept next to it: V8 then neither parses nor compiles the functions start-up
// needs, which roughly halves the time `npm start` takes to answer /ready.
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

/** The cache file for a script file as it is now; V8 itself checks little more than the source length. */
export function codeCacheFile(file) {
  const stat = statSync(file);
  return `${file}.${stat.size}-${Math.trunc(stat.mtimeMs)}.v8cache`;
}

/**
 * Runs a CommonJS file in this process, compiled with its code cache when there is one that V8 accepts. Otherwise
 * the cache is written once start-up is over, so it holds the functions start-up compiled: `writeAfterMs` later,
 * or at a clean exit (code 0) if that comes first, since a start stopped soon after it is ready is common.
 * Returns what became of the cache: "accepted", "rejected" or "absent".
 */
export function runWithCodeCache(file, { writeAfterMs = 3000 } = {}) {
  const cacheFile = codeCacheFile(file);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const outcome = cachedData === undefined ? "absent" : script.cachedDataRejected === true ? "rejected" : "accepted";
  if (outcome !== "accepted") {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
        renameSync(`${cacheFile}.tmp`, cacheFile);
      } catch {
        // a read-only checkout just starts without the cache
      }
    };
    setTimeout(write, writeAfterMs).unref();
    process.on("exit", (code) => {
      if (code === 0) write();
    });
  }
  const fileModule = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(fileModule.exports, createRequire(file), fileModule, file, path.dirname(file));
  return outcome;
}

// `npm start`: runs the compiled API (dist/bundle/main.cjs), rebuilding it first when any build input is newer
// than the last build, so an edited source never runs stale. The bundle is compiled by V8 with a code cache
// kept next to it (written once, a few seconds after start), which roughly halves the time to /ready.
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";
import { buildIsStale } from "./build-freshness.mjs";
import { BUILD_INPUTS, BUNDLE, ROOT, STAMP } from "./build-paths.mjs";

if (buildIsStale(STAMP, BUILD_INPUTS)) {
  process.stderr.write("[start] no build yet, or sources changed since the last one: building dist/ ...\n");
  try {
    execFileSync(process.execPath, [path.join(ROOT, "tools", "build", "build-dist.mjs")], { stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    process.stderr.write("[start] the build failed (output above); fix it, or use `npm run dev`, which runs the sources directly\n");
    process.exit(1);
  }
}

const bundleStat = statSync(BUNDLE);
// The cache is only valid for this exact bundle file; V8 itself checks little more than the source length.
const cacheFile = `${BUNDLE}.${bundleStat.size}-${Math.trunc(bundleStat.mtimeMs)}.v8cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(BUNDLE, "utf8")), { filename: BUNDLE, cachedData });
if (cachedData === undefined || script.cachedDataRejected === true) {
  // Written after start-up has run, so the functions start-up needs are compiled into it.
  setTimeout(() => {
    try {
      writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
      renameSync(`${cacheFile}.tmp`, cacheFile);
    } catch {
      // a read-only checkout just starts without the cache
    }
  }, 3000).unref();
}
const bundleModule = { exports: {}, filename: BUNDLE, id: BUNDLE, loaded: false };
script.runInThisContext()(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, path.dirname(BUNDLE));

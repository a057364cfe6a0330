// `npm start`: runs the compiled API (dist/bundle/main.cjs), rebuilding it first when any build input is newer
// than the last build, so an edited source never runs stale. The bundle runs with a V8 code cache (code-cache.mjs).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-freshness.mjs";
import { BUILD_INPUTS, BUNDLE, ROOT, STAMP } from "./build-paths.mjs";
import { runWithCodeCache } from "./code-cache.mjs";

if (buildIsStale(STAMP, BUILD_INPUTS)) {
  process.stderr.write("[start] no build yet, or sources changed since the last one: building dist/ ...\n");
  try {
    execFileSync(process.execPath, [path.join(ROOT, "tools", "build", "build-dist.mjs")], { stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    process.stderr.write("[start] the build failed (output above); fix it, or use `npm run dev`, which runs the sources directly\n");
    process.exit(1);
  }
}

runWithCodeCache(BUNDLE);

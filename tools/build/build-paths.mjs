// Where the compiled API lives and what it is built from; shared by the build and the start script.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** tsc output (one .js per source, with decorator metadata); Docker and the benchmark run dist/main.js. */
export const DIST = path.join(ROOT, "dist");
/**
 * The single-file bundle `npm start` loads, made from the tsc output. It sits two levels below the root, like
 * dist/config/config.js, so REPO_ROOT (two levels above the module) still names the repository.
 */
export const BUNDLE = path.join(DIST, "bundle", "main.cjs");
/** Touched after a successful build; sources newer than it make `npm start` rebuild first. */
export const STAMP = path.join(DIST, ".build-stamp");
/** Everything whose change changes the build output. */
export const BUILD_INPUTS = [
  path.join(ROOT, "src"),
  path.join(ROOT, "tsconfig.json"),
  path.join(ROOT, "tsconfig.build.json"),
  path.join(ROOT, "package-lock.json"),
  path.join(ROOT, "tools", "build", "build-dist.mjs"),
];

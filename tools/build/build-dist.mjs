// `npm run build` (also run by `npm ci`/`npm install` through `prepare`): compiles src/ with tsc into dist/,
// bundles that output into dist/bundle/main.cjs for a fast `npm start`, then writes the build stamp.
// tsc runs with --noCheck: types are checked by `npm run typecheck`; the emitted code, decorator metadata
// included, is the same.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { BUNDLE, DIST, ROOT, STAMP } from "./build-paths.mjs";

const started = performance.now();
rmSync(STAMP, { force: true });
execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--noCheck"], { cwd: ROOT, stdio: "inherit" });
rmSync(path.dirname(BUNDLE), { recursive: true, force: true }); // also drops the V8 code cache of the previous bundle
buildSync({
  entryPoints: [path.join(DIST, "main.js")],
  outfile: BUNDLE,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Smaller source parses faster; names are kept because type-graphql derives GraphQL type names from class names.
  minify: true,
  keepNames: true,
  // type-graphql imports class-validator only when argument validation is switched on, which this service does not do.
  // esbuild finds its binary next to its own file, so it cannot run from inside a bundle (GET /explore builds with it);
  // the playground renderer is about 9 MB of inlined assets, loaded from node_modules on the first playground visit.
  external: ["class-validator", "esbuild", "@graphql-yoga/render-graphiql"],
  // start.mjs runs the bundle as a vm.Script, where import() has no loader: lazy imports become require() calls.
  supported: { "dynamic-import": false },
  // config.ts resolves the repository from its own module URL; in the bundle that is the bundle's URL.
  define: { "import.meta.url": "__kgModuleUrl" },
  banner: { js: 'const __kgModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
process.stderr.write(`[build] dist/ and ${path.relative(ROOT, BUNDLE)} built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT, loadConfig } from "../config/config.js";
import { formatSeedIssue } from "../domain/seed-issue.js";
import { measureShape } from "../generate/graph-shape.js";
import { writeSyntheticSeed } from "../generate/seed-writer.js";
import { generateSyntheticSeed } from "../generate/synthetic-seed.js";
import { readValidatedSeed } from "../seed/seed-pipeline.js";

const USAGE = `Usage: npm run generate -- --concepts N [--seed S] [--out DIR] [--check]

Writes a synthetic seed of N concepts shaped like the curated graph (kind mix, link patterns,
evidence per relation, hub-heavy degrees) into DIR/seed and its filler source text into DIR/sources.
Load it with SEED_DIR=DIR/seed SOURCE_TEXT_DIR=DIR/sources npm run seed -- --reset, or serve it in
memory with the same two variables and npm start. The same N and S always give the same files.
  --concepts N  how many concepts (10 to 2000000)
  --seed S      PRNG seed, a whole number (default 1)
  --out DIR     output folder (default .tmp/generated/N-S)
  --check       validate the written seed with the seed validator`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concepts: { type: "string" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || values.concepts === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const concepts = Number(values.concepts);
  const seed = Number(values.seed);
  if (!Number.isInteger(concepts) || concepts < 10 || concepts > 2_000_000) {
    console.error(`--concepts must be a whole number from 10 to 2000000, got "${values.concepts}"`);
    return 2;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    console.error(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, got "${values.seed}"`);
    return 2;
  }
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, ".tmp", "generated", `${concepts}-${seed}`));
  const config = loadConfig();
  const template = await readValidatedSeed(config.seedDir, config.sourceTextDir);
  if (!template.ok) {
    console.error(`The template seed in ${config.seedDir} is invalid; fix it first:`);
    for (const issue of template.issues) console.error(`  ${formatSeedIssue(issue)}`);
    return 1;
  }
  const started = performance.now();
  const generated = generateSyntheticSeed(measureShape(template.graph), { concepts, seed });
  const written = await writeSyntheticSeed(generated, out);
  const evidence = generated.relations.reduce((n, r) => n + r.evidence.length, 0);
  console.log(
    `Wrote ${generated.concepts.length} concepts, ${generated.relations.length} relations, ${evidence} evidence records to ${written.seedDir} ` +
      `(source text in ${written.sourceTextDir}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (values.check) {
    const check = await readValidatedSeed(written.seedDir, written.sourceTextDir);
    if (!check.ok) {
      console.error(`The generated seed has ${check.issues.length} problem(s):`);
      for (const issue of check.issues.slice(0, 20)) console.error(`  ${formatSeedIssue(issue)}`);
      return 1;
    }
    console.log("The generated seed is valid.");
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

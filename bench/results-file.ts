import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, freemem, release, totalmem, type as osType } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../src/config/config.js";

/** One line describing this machine: CPUs, memory, OS and Node. */
export function machineDescription(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), ${osType()} ${release()}, Node ${process.version}`;
}

/** Inserts a markdown section at the top of bench/RESULTS.md (newest first) and writes the raw figures to bench/results/<name>.json. */
export async function recordResults(section: string, rawName: string, raw: unknown): Promise<void> {
  const dir = path.join(REPO_ROOT, "bench", "results");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${rawName.replace(/[:.]/g, "-")}.json`), `${JSON.stringify(raw, null, 2)}\n`);
  const resultsFile = path.join(REPO_ROOT, "bench", "RESULTS.md");
  const previous = await readFile(resultsFile, "utf8").catch(() => "# Benchmark results\n\nNewest run first. Produced by `npm run bench`; see bench/README.md for the method.\n");
  const [head, ...rest] = previous.split("\n## ");
  const updated = [head?.trimEnd() ?? "", section.trimEnd(), ...rest.map((r) => `## ${r}`.trimEnd())].join("\n\n");
  await writeFile(resultsFile, `${updated}\n`);
}

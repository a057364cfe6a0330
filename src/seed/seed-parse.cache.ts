import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseSeedText, type ParsedSeedText, type SeedTextParser } from "./seed-files.reader.js";

/**
 * parseSeedText whose results are kept as JSON files in `dir`, so a start with an unchanged seed skips the YAML
 * parser (the largest part of memory mode's start-up). An entry is named by a hash of the text, the yaml library's
 * version and parseSeedText's own code, so any change to one of them misses. Only texts that parse without errors
 * into data JSON holds exactly are kept; line numbers for issues come from parsing the text again, on demand. A
 * folder that cannot be read or written just means no cache.
 */
export function cachedSeedParser(dir: string): SeedTextParser {
  const parser = `${createRequire(import.meta.url)("yaml/package.json").version}\u0000${parseSeedText.toString()}`;
  return (text) => {
    const file = path.join(dir, `${createHash("sha256").update(parser).update("\u0000").update(text).digest("hex")}.json`);
    const cached = readEntry(file);
    if (cached !== undefined) {
      let full: ParsedSeedText | undefined;
      return { data: cached, errors: [], lineOf: (p) => (full ??= parseSeedText(text)).lineOf(p) };
    }
    const parsed = parseSeedText(text);
    if (parsed.errors.length === 0) writeEntry(file, parsed.data);
    return parsed;
  };
}

function readEntry(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, data: unknown): void {
  const json = JSON.stringify(data);
  // YAML can hold what JSON cannot (.inf, .nan, -0): such data is never cached rather than cached changed.
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole under another name first, so a concurrent start never reads half an entry.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, json);
    renameSync(temp, file);
  } catch {
    // a read-only checkout starts without the cache
  }
}

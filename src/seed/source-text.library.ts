import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SourceTexts } from "../services/source-texts.port.js";

/** Why a source's text cannot be served; reported once per source so logs stay quiet under load. */
export type SourceTextProblem = { readonly sourceId: string; readonly file: string; readonly reason: "missing" | "changed" };

/**
 * Source texts read from one folder at run time (the repository never stores them), cached after the
 * first read and checked against the SHA-256 the seed recorded, so a quote is never taken from a
 * text the locators were not written against.
 */
export class SourceTextLibrary implements SourceTexts {
  private readonly cache = new Map<string, Promise<string | null>>();

  constructor(
    private readonly dir: string,
    private readonly onProblem: (problem: SourceTextProblem) => void = () => {},
  ) {}

  /** The source's text, or null when it has no text file, the file is absent, or its hash differs. */
  textOf(source: { readonly id: string; readonly textFile: string | null; readonly sha256: string | null }): Promise<string | null> {
    if (source.textFile === null) return Promise.resolve(null);
    const key = `${source.textFile}\u0000${source.sha256 ?? ""}`;
    let text = this.cache.get(key);
    if (text === undefined) {
      text = this.read(source.id, source.textFile, source.sha256);
      this.cache.set(key, text);
    }
    return text;
  }

  private async read(sourceId: string, textFile: string, sha256: string | null): Promise<string | null> {
    // textFile comes from validated seed data, but never let it climb out of the folder.
    const file = path.join(this.dir, path.basename(textFile));
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      this.onProblem({ sourceId, file, reason: "missing" });
      return null;
    }
    if (sha256 !== null && createHash("sha256").update(text, "utf8").digest("hex") !== sha256) {
      this.onProblem({ sourceId, file, reason: "changed" });
      return null;
    }
    return text;
  }
}

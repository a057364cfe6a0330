import { isDeepStrictEqual } from "node:util";
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { SEED_FILE_KINDS, seedFileSchemas, type SeedFileKind } from "../domain/seed-schema.js";
import type { Attribution, SeedDataset, SeedEntryHints } from "./seed-entries.js";
import { renderSeedEntry, renderSeedFile } from "./seed-yaml.format.js";

/** A file of a seed folder, as text. */
export interface SeedFileText {
  readonly dataset: string;
  /** File name inside the dataset folder, e.g. "concepts.yaml". */
  readonly name: string;
  readonly text: string;
}

/** A file of a previous seed (normally graph-seed/ itself) whose layout an export keeps. */
export interface BaseSeedFile extends SeedFileText {
  readonly kind: SeedFileKind;
}

interface BaseItem {
  readonly id: string;
  /** Blank and comment lines between the previous entry and this one (a group heading, say). */
  readonly leading: string;
  /** The entry's own lines, from its "- " to its last line of content. */
  readonly body: string;
  /** The entry as its file holds it, with the schema's defaults applied; null when it does not pass the schema. */
  readonly normalised: unknown;
}

interface ParsedBaseFile {
  readonly file: BaseSeedFile;
  /** Everything before the first entry's leading lines: the file's comments and its "concepts:" line. */
  readonly head: string;
  readonly items: readonly BaseItem[];
  /** What follows the last entry. */
  readonly tail: string;
}

/**
 * Lays the datasets out as seed files. Without a base every dataset gets one file per kind it has
 * entries of (sources.yaml, concepts.yaml, relations.yaml, tours.yaml), written in the seed style.
 * With a base (a previous seed), every entry that exists there stays in its file and place, and an
 * entry the base holds unchanged (same fields after the schema's defaults) keeps its exact text,
 * comments included; a changed entry is rewritten in place in the seed style; a removed one goes
 * (its group heading comment passes to the next entry); new entries follow the dataset's first file
 * of their kind. So an export of an unchanged graph reproduces the base byte for byte, and a curated
 * change shows up as a diff of just the entries it touched.
 */
export function layoutSeedFiles(datasets: readonly SeedDataset[], base: readonly BaseSeedFile[] = []): SeedFileText[] {
  const parsedBase = base.map(parseBaseFile).filter((p): p is ParsedBaseFile => p !== null);
  const out: SeedFileText[] = [];
  for (const dataset of datasets) {
    for (const kind of SEED_FILE_KINDS) {
      const entries = dataset[kind] as readonly { id: string }[];
      const files = parsedBase.filter((p) => p.file.dataset === dataset.name && p.file.kind === kind).sort((a, b) => (a.file.name < b.file.name ? -1 : 1));
      const wanted = new Map(entries.map((e) => [e.id, e]));
      const placed = new Set<string>();
      const texts = files.map((f) => {
        const kept = f.items.filter((item) => wanted.has(item.id));
        for (const item of kept) placed.add(item.id);
        return { file: f, text: kept.length === 0 ? null : mergeFile(kind, f, wanted) };
      });
      const fresh = entries.filter((e) => !placed.has(e.id));
      const primary = texts.find((t) => t.text !== null) ?? texts[0];
      if (fresh.length > 0 && primary !== undefined && primary.text !== null) {
        primary.text = `${primary.text.replace(/\n*$/, "\n")}\n${fresh.map((e) => renderSeedEntry(kind, e)).join("\n")}`;
      } else if (fresh.length > 0) {
        out.push({ dataset: dataset.name, name: primary?.file.file.name ?? `${kind}.yaml`, text: renderSeedFile(kind, fresh) });
      }
      for (const t of texts) if (t.text !== null) out.push({ dataset: dataset.name, name: t.file.file.name, text: t.text });
    }
  }
  return out.sort((a, b) => (a.dataset === b.dataset ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.dataset < b.dataset ? -1 : 1));
}

/** What a base seed knows that the graph does not: each source's attributions and dataset folder. */
export function baseSeedHints(base: readonly BaseSeedFile[]): SeedEntryHints {
  const attributions = new Map<string, Attribution[]>();
  const datasets = new Map<string, string>();
  for (const file of base) {
    if (file.kind !== "sources") continue;
    const parsed = seedFileSchemas.sources.safeParse(parseDocument(file.text).toJS());
    if (!parsed.success) continue;
    for (const s of parsed.data.sources) {
      if (!datasets.has(s.id)) datasets.set(s.id, file.dataset);
      if (s.attributions !== undefined && !attributions.has(s.id)) attributions.set(s.id, s.attributions);
    }
  }
  return { attributionsOf: (id) => attributions.get(id), datasetOfSource: (id) => datasets.get(id) };
}

function mergeFile(kind: SeedFileKind, file: ParsedBaseFile, wanted: ReadonlyMap<string, { id: string }>): string {
  let text = file.head;
  let pendingComments = "";
  for (const item of file.items) {
    const entry = wanted.get(item.id);
    const { blank, comments } = splitLeading(item.leading);
    if (entry === undefined) {
      pendingComments += comments;
      continue;
    }
    text += blank + pendingComments + comments;
    pendingComments = "";
    text += item.normalised !== null && isDeepStrictEqual(item.normalised, normalise(kind, entry)) ? item.body : renderSeedEntry(kind, entry);
  }
  return text + pendingComments + file.tail;
}

function splitLeading(leading: string): { blank: string; comments: string } {
  const match = /^(?:[ \t]*\n)*/.exec(leading);
  const blank = match?.[0] ?? "";
  return { blank, comments: leading.slice(blank.length) };
}

function normalise(kind: SeedFileKind, entry: unknown): unknown {
  const schema = seedFileSchemas[kind];
  const parsed = schema.safeParse({ [kind]: [entry] });
  return parsed.success ? JSON.parse(JSON.stringify((parsed.data as Record<string, unknown[]>)[kind]![0])) : null;
}

/** Splits a base file into its entries' text; null when it cannot be used as a layout (not a block list of entries with ids). */
function parseBaseFile(file: BaseSeedFile): ParsedBaseFile | null {
  const doc = parseDocument(file.text, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const seq = doc.get(file.kind, true) as YAMLSeq | undefined;
  if (!isSeq(seq) || seq.flow === true || seq.items.length === 0) return null;
  const text = file.text;
  const lineStart = (pos: number): number => text.lastIndexOf("\n", pos - 1) + 1;
  const starts: number[] = [];
  const ids: string[] = [];
  for (const item of seq.items) {
    if (!isMap(item) || item.range === undefined || item.range === null) return null;
    const id = item.get("id", true);
    if (!isScalar(id) || typeof id.value !== "string") return null;
    const start = lineStart(item.range[0]);
    if (!/^ *- /.test(text.slice(start))) return null;
    starts.push(start);
    ids.push(id.value);
  }
  // An entry ends at its last line that is neither blank nor a comment; what follows leads the next one.
  const bodyEnd = (from: number, to: number): number => {
    const lines = text.slice(from, to).split("\n");
    let end = from;
    let offset = from;
    for (const line of lines) {
      const next = offset + line.length + 1;
      if (!/^\s*(#.*)?$/.test(line)) end = Math.min(next, to);
      offset = next;
    }
    return end;
  };
  const seqEnd = seq.range?.[2] ?? text.length;
  const regionEnd = Math.max(seqEnd, starts.at(-1)!);
  const ends = starts.map((s, i) => bodyEnd(s, i + 1 < starts.length ? starts[i + 1]! : regionEnd));
  const headEnd = leadingStart(text, starts[0]!);
  const items: BaseItem[] = ids.map((id, i) => ({
    id,
    leading: text.slice(i === 0 ? headEnd : ends[i - 1]!, starts[i]!),
    body: text.slice(starts[i]!, ends[i]!),
    normalised: normalise(file.kind, (seq.items[i] as YAMLMap).toJSON()),
  }));
  return { file, head: text.slice(0, headEnd), items, tail: text.slice(ends.at(-1)!) };
}

/** Where the comment and blank lines just above the first entry begin (they belong to it, e.g. a group heading). */
function leadingStart(text: string, firstItem: number): number {
  let pos = firstItem;
  for (;;) {
    const prev = text.lastIndexOf("\n", pos - 2) + 1;
    if (pos === 0 || !/^\s*(#.*)?\n$/.test(text.slice(prev, pos))) return pos;
    pos = prev;
  }
}

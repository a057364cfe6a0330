import { Document, Scalar, isMap, isScalar, isSeq, visit, type Node, type YAMLSeq } from "yaml";
import type { SeedFileKind } from "../domain/seed-schema.js";

/**
 * The seed files' YAML style, as graph-seed/ is written by hand: one blank line between entries (and
 * between tour steps); spans, synonyms and a step's concept and relation ids as one-line flow lists;
 * cross-references, mentions, attributions and qualifiers as one-line flow maps; CURIEs and free-text
 * qualifiers double-quoted; a source's description and a tour's summary and narratives, when longer
 * than 80 characters, folded (>-) at 100 columns; every other string on one line, so a changed claim
 * or concept summary is a one-line diff. The yaml library writes every scalar and collection; only
 * the folding of plain paragraphs is ours, because the library folds either every string or none.
 */

const LINE_WIDTH = 100;
/** Text fields folded when long, per file kind, as the curated files do; everything else stays on one line. */
const FOLDED_KEYS: Readonly<Record<SeedFileKind, ReadonlySet<string>>> = {
  sources: new Set(["description"]),
  concepts: new Set(),
  relations: new Set(),
  tours: new Set(["summary", "narrative"]),
};
const FOLD_ABOVE = 80;
/** Under a tour step "relations" is a list of ids; a relations file's own top key never occurs inside an entry. */
const FLOW_LIST_KEYS = new Set(["span", "synonyms", "concepts", "relations"]);
const FLOW_MAP_KEYS = new Set(["qualifiers"]);
const FLOW_ITEM_KEYS = new Set(["xrefs", "mentions", "attributions"]);
const QUOTED_KEYS = new Set(["curie", "appliesWhen", "timing"]);
/** Fields whose schema default is empty: left out when empty, as a person would. */
const OMITTED_WHEN_EMPTY = new Set(["synonyms", "xrefs", "qualifiers", "relations"]);
const FOLD_MARK = /^( *)((?:- )?[A-Za-z]+: )__seed_fold_(\d+)__$/gm;

/** The whole text of a seed file holding `entries` under its kind's key. */
export function renderSeedFile(kind: SeedFileKind, entries: readonly object[]): string {
  if (entries.length === 0) return `${kind}: []\n`;
  const folds: string[] = [];
  const doc = new Document({ [kind]: entries.map(withoutEmptyDefaults) }, { aliasDuplicateObjects: false });
  const list = doc.get(kind, true) as YAMLSeq;
  list.items.forEach((item, i) => ((item as Node).spaceBefore = i > 0));
  visit(doc, {
    Pair(_key, pair, path) {
      // The file's own key ("relations:") holds the block list of entries; style starts inside them.
      if (path.length <= 2) return undefined;
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const value = pair.value as Node | null;
      if ((FLOW_LIST_KEYS.has(key) && isSeq(value)) || (FLOW_MAP_KEYS.has(key) && isMap(value))) value.flow = true;
      else if (FLOW_ITEM_KEYS.has(key) && isSeq(value)) for (const item of value.items) if (isMap(item)) item.flow = true;
      else if (key === "steps" && isSeq(value)) value.items.forEach((item, i) => ((item as Node).spaceBefore = i > 0));
      if (!isScalar(value) || typeof value.value !== "string") return undefined;
      if (QUOTED_KEYS.has(key)) value.type = Scalar.QUOTE_DOUBLE;
      else if (FOLDED_KEYS[kind].has(key) && value.value.length > FOLD_ABOVE && foldable(value.value)) {
        folds.push(value.value);
        value.value = `__seed_fold_${folds.length - 1}__`;
      }
      return undefined;
    },
  });
  // lineWidth 0: the library breaks no line, so every flow collection and unfolded string stays on one.
  return tightenFlowLists(doc.toString({ lineWidth: 0, flowCollectionPadding: true })).replace(
    FOLD_MARK,
    (_m, indent: string, key: string, i: string) => folded(`${indent}${key}`, `${indent}${key.startsWith("- ") ? "    " : "  "}`, folds[Number(i)]!),
  );
}

/**
 * The same text as renderSeedFile, in pieces of `entriesPerPiece` entries, for files too large to hold
 * as one string (V8 caps a string at about 512 MB: the relations of a million generated concepts).
 */
export function* renderSeedFilePieces(kind: SeedFileKind, entries: readonly object[], entriesPerPiece = 10_000): Generator<string> {
  if (entries.length <= entriesPerPiece) {
    yield renderSeedFile(kind, entries);
    return;
  }
  yield `${kind}:\n`;
  for (let i = 0; i < entries.length; i += entriesPerPiece) {
    // Entries are separated by one blank line; within a piece the library writes it, between pieces we do.
    yield `${i > 0 ? "\n" : ""}${renderSeedFile(kind, entries.slice(i, i + entriesPerPiece)).slice(`${kind}:\n`.length)}`;
  }
}

/** One entry as an item of a seed file's top-level list ("  - id: ..."), ending in a newline. */
export function renderSeedEntry(kind: SeedFileKind, entry: object): string {
  return renderSeedFile(kind, [entry]).slice(`${kind}:\n`.length);
}

/**
 * Flow lists as the curated files write them, "[0, 982]" rather than the library's "[ 0, 982 ]",
 * while flow maps keep "{ a: b }": a span's two numbers anywhere, and a list that ends its line.
 */
function tightenFlowLists(text: string): string {
  return text.replace(/span: \[ (\d+), (\d+) \]/g, "span: [$1, $2]").replace(/^( *(?:- )?(?:synonyms|concepts|relations): )\[ (.*) \]$/gm, "$1[$2]");
}

/** Text that a folded block holds unchanged when its single spaces become line breaks: one paragraph of plain words. */
function foldable(text: string): boolean {
  return /^[^\s#][^\n\t\r]*[^\s]$/.test(text) && !text.includes("  ") && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);
}

/** A ">-" block: the words filled greedily into lines of at most LINE_WIDTH columns. */
function folded(head: string, indent: string, text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return `${head}>-\n${lines.map((l) => `${indent}${l}`).join("\n")}`;
}

function withoutEmptyDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyDefaults);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const empty = Array.isArray(v) ? v.length === 0 : v !== null && typeof v === "object" && Object.keys(v).length === 0;
    if (empty && OMITTED_WHEN_EMPTY.has(k)) continue;
    out[k] = withoutEmptyDefaults(v);
  }
  return out;
}

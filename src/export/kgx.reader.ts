import type { SeedFileInput, SeedInput, SourceTextInput } from "../domain/seed-validator.js";
import { validateSeed, type SeedValidation } from "../domain/seed-validator.js";
import { CONCEPT_CURIE_PREFIX, SOURCE_CURIE_PREFIX, localIdOf } from "./export-ids.js";
import { QUALIFIER_KEYS } from "../domain/qualifier.js";
import { KGX_LIST_COLUMNS, qualifierColumn } from "./kgx-records.js";
import { KGX_TSV_LIST_DELIMITER } from "./kgx.writer.js";
import { parseLocatorText } from "./locator-text.js";

/** The three files of a KGX export, as text. */
export interface KgxFilesText {
  readonly form: "tsv" | "jsonl";
  readonly nodes: string;
  readonly edges: string;
  readonly sources: string;
}

type Row = Record<string, unknown>;

function tsvRows(text: string): Row[] {
  const [head, ...lines] = text.split("\n").filter((l) => l !== "");
  if (head === undefined) return [];
  const columns = head.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    const row: Row = {};
    columns.forEach((column, i) => {
      const cell = cells[i] ?? "";
      if (cell === "") return;
      row[column] = KGX_LIST_COLUMNS.has(column) ? cell.split(KGX_TSV_LIST_DELIMITER) : cell;
    });
    return row;
  });
}

function jsonlRows(text: string): Row[] {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Row);
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optional = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const concept = (curie: unknown): string => localIdOf(String(curie), CONCEPT_CURIE_PREFIX);
const source = (curie: unknown): string => localIdOf(String(curie), SOURCE_CURIE_PREFIX);

function span(locator: string): { source: string; section: string; span: [number, number] } {
  const l = parseLocatorText(locator);
  return { source: l.sourceId, section: l.sectionId, span: [l.start, l.end] };
}

function conceptEntry(node: Row): unknown {
  const matches = list(node["kg_xref_match"]);
  return {
    id: concept(node["id"]),
    kind: node["kg_kind"],
    name: node["name"],
    synonyms: list(node["synonym"]),
    summary: node["description"],
    xrefs: list(node["xref"]).map((curie, i) => ({ curie, match: matches[i] })),
    mentions: list(node["kg_mentions"]).map(span),
    modality: optional(node["kg_modality"]),
    urgency: optional(node["kg_urgency"]),
  };
}

function relationEntry(edge: Row): unknown {
  const qualifiers = Object.fromEntries(QUALIFIER_KEYS.map((key) => [key, optional(edge[qualifierColumn(key)])]));
  return {
    id: concept(edge["id"]),
    type: edge["kg_type"],
    from: concept(edge["subject"]),
    to: concept(edge["object"]),
    qualifiers: Object.fromEntries(Object.entries(qualifiers).filter(([, v]) => v !== undefined)),
    evidence: list(edge["kg_evidence"]).map((text) => {
      const e = JSON.parse(text) as Row;
      return {
        ...span(String(e["locator"])),
        ...(typeof e["cited_source"] === "string" ? { citedSource: source(e["cited_source"]) } : {}),
        claim: e["claim"],
        ...(typeof e["reasoning"] === "string" ? { reasoning: e["reasoning"] } : {}),
        knowledgeLevel: e["knowledge_level"],
        agentType: e["agent_type"],
      };
    }),
  };
}

function sourceEntry(s: Row): unknown {
  const entry: Row = { id: source(s["id"]), kind: s["kind"], title: s["name"], description: s["description"] };
  if (typeof s["cited_by"] === "string") entry["citedBy"] = source(s["cited_by"]);
  if (typeof s["text_file"] === "string") entry["textFile"] = s["text_file"];
  if (typeof s["length"] === "number") entry["length"] = s["length"];
  if (typeof s["sha256"] === "string") entry["sha256"] = s["sha256"];
  const sections = Array.isArray(s["sections"]) ? (s["sections"] as Row[]) : [];
  if (sections.length > 0) {
    entry["sections"] = sections.map((sec) => ({
      id: sec["id"],
      heading: sec["heading"],
      ...(sec["heading"] === null || sec["label"] !== sec["heading"] ? { label: sec["label"] } : {}),
      span: [sec["start"], sec["end"]],
    }));
  }
  return entry;
}

/**
 * Reads a KGX export back into a graph: the records become seed entries, checked by the same
 * validator as graph-seed/, so an import is accepted only when it is a valid graph.
 */
export function readKgx(files: KgxFilesText, sourceTexts: ReadonlyMap<string, SourceTextInput> = new Map()): SeedValidation {
  const rows = files.form === "tsv" ? tsvRows : jsonlRows;
  const nodes = rows(files.nodes);
  const edges = rows(files.edges);
  const sources = (JSON.parse(files.sources) as { sources: Row[] }).sources;
  const datasets = [...new Set([...nodes, ...edges].map((r) => String(r["kg_dataset"])))];
  const seedFiles: SeedFileInput[] = [
    { path: "sources.json", dataset: datasets[0] ?? "kgx", kind: "sources", data: { sources: sources.map(sourceEntry) } },
    ...datasets.flatMap((dataset): SeedFileInput[] => [
      { path: `nodes.${files.form} (${dataset})`, dataset, kind: "concepts", data: { concepts: nodes.filter((n) => n["kg_dataset"] === dataset).map(conceptEntry) } },
      { path: `edges.${files.form} (${dataset})`, dataset, kind: "relations", data: { relations: edges.filter((e) => e["kg_dataset"] === dataset).map(relationEntry) } },
    ]),
  ];
  const input: SeedInput = { files: seedFiles, sourceTexts };
  return validateSeed(input);
}

import { stringify } from "csv-stringify/sync";
import { CONCEPT_KIND_INFO } from "../domain/concept-kind.js";
import { conceptSortKey } from "../domain/concept-sort-key.js";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { QUALIFIER_KEYS } from "../domain/qualifier.js";
import { conceptSearchText, evidenceSearchText, sourceSearchText } from "../domain/search-text.js";
import type { ExportFile } from "./export-file.js";
import { joinList } from "./text-cells.js";

/** neo4j-admin's default array delimiter, used for string[] columns. */
export const NEO4J_CSV_ARRAY_DELIMITER = ";";

type Cell = string | number | readonly string[] | null;

/** One neo4j-admin import file: a node label's or relationship kind's header and rows. */
export interface CsvTable {
  readonly name: string;
  /** neo4j-admin header fields: "name:type", "name:ID(space)", ":LABEL", ":START_ID(space)", ":END_ID(space)", ":TYPE". */
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly kind: "nodes" | "relationships";
}

function cell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return joinList(value, NEO4J_CSV_ARRAY_DELIMITER);
}

function csvText(rows: readonly (readonly Cell[])[]): string {
  // quoted_string: every text value quoted, so an empty string stays distinct from an absent one.
  return stringify(rows.map((r) => r.map(cell)), { quoted_string: true, quoted_empty: false, record_delimiter: "\n" });
}

function csvFile(table: CsvTable): ExportFile {
  return { name: table.name, mediaType: "text/csv; charset=utf-8", text: csvText([table.header, ...table.rows]) };
}

/**
 * The text of a table's file in pieces of at most `rowsPerPiece` rows (the header first), joined they
 * are the file the csv export writes. Pieces, because a large graph's file nears the longest string V8
 * holds (2^29 - 24 characters, about 537 million): the evidence file of 1M generated concepts is 519 MB.
 */
export function* neo4jCsvPieces(table: CsvTable, rowsPerPiece: number): Generator<string> {
  if (!Number.isInteger(rowsPerPiece) || rowsPerPiece < 1) throw new Error(`rowsPerPiece must be a whole number from 1, got ${rowsPerPiece}`);
  yield csvText([table.header]);
  for (let start = 0; start < table.rows.length; start += rowsPerPiece) yield csvText(table.rows.slice(start, start + rowsPerPiece));
}

/**
 * The tables of the graph exactly as the seed loader stores it in Neo4j (same labels, relationship
 * types and properties, derived ones such as `nameSort` included), so `neo4j-admin database import`
 * of these files gives the graph `npm run seed` gives; apply schema/*.cypher afterwards.
 */
export function neo4jCsvTables(graph: KnowledgeGraph): CsvTable[] {
  const xrefs = new Map<string, { prefix: string; localId: string }>();
  for (const c of graph.concepts) for (const x of c.xrefs) xrefs.set(x.curie, { prefix: x.prefix, localId: x.localId });
  const evidence = graph.relations.flatMap((r) => r.evidence.map((e, position) => ({ e, position, r })));
  return [
    {
      name: "concepts.csv", kind: "nodes",
      header: ["id:ID(Concept)", ":LABEL", "kind", "name", "nameSort", "synonyms:string[]", "synonymsSort:string[]", "synonymsText", "summary", "searchText", "biolinkCategory", "modality", "urgency", "dataset"],
      rows: graph.concepts.map((c) => [
        c.id, ["Concept", CONCEPT_KIND_INFO[c.kind].label], c.kind, c.name, conceptSortKey(c.name), c.synonyms, c.synonyms.map(conceptSortKey),
        c.synonyms.join(" | "), c.summary, conceptSearchText(c), CONCEPT_KIND_INFO[c.kind].biolinkCategory, c.modality, c.urgency, c.dataset,
      ]),
    },
    {
      name: "sources.csv", kind: "nodes",
      header: ["id:ID(Source)", ":LABEL", "kind", "title", "description", "citedBy", "textFile", "length:long", "sha256", "searchText"],
      rows: graph.sources.map((s) => [s.id, ["Source"], s.kind, s.title, s.description, s.citedBy, s.textFile, s.length, s.sha256, sourceSearchText(s)]),
    },
    {
      name: "sections.csv", kind: "nodes",
      header: ["key:ID(Section)", ":LABEL", "id", "sourceId", "heading", "label", "start:long", "end:long", "position:long"],
      rows: graph.sources.flatMap((s) => s.sections.map((sec, position) => [`${s.id}#${sec.id}`, ["Section"], sec.id, s.id, sec.heading, sec.label, sec.start, sec.end, position])),
    },
    {
      name: "evidence.csv", kind: "nodes",
      header: ["id:ID(Evidence)", ":LABEL", "relationId", "position:long", "claim", "searchText", "reasoning", "knowledgeLevel", "agentType", "sourceId", "citedSourceId", "sectionId", "start:long", "end:long"],
      rows: evidence.map(({ e, position, r }) => [
        e.id, ["Evidence"], r.id, position, e.claim, evidenceSearchText(e), e.reasoning, e.knowledgeLevel, e.agentType, e.sourceId, e.citedSourceId, e.locator.sectionId, e.locator.start, e.locator.end,
      ]),
    },
    {
      name: "xrefs.csv", kind: "nodes",
      header: ["curie:ID(Xref)", ":LABEL", "prefix", "localId"],
      rows: [...xrefs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([curie, x]) => [curie, ["Xref"], x.prefix, x.localId]),
    },
    {
      name: "relations.csv", kind: "relationships",
      header: [":START_ID(Concept)", ":END_ID(Concept)", ":TYPE", "id", "dataset", "evidenceCount:long", ...QUALIFIER_KEYS],
      rows: graph.relations.map((r) => [r.from, r.to, r.type, r.id, r.dataset, r.evidence.length, ...QUALIFIER_KEYS.map((k) => r.qualifiers[k] ?? null)]),
    },
    {
      name: "has-section.csv", kind: "relationships",
      header: [":START_ID(Source)", ":END_ID(Section)", ":TYPE"],
      rows: graph.sources.flatMap((s) => s.sections.map((sec) => [s.id, `${s.id}#${sec.id}`, "HAS_SECTION"])),
    },
    {
      name: "has-xref.csv", kind: "relationships",
      header: [":START_ID(Concept)", ":END_ID(Xref)", ":TYPE", "match", "position:long"],
      rows: graph.concepts.flatMap((c) => c.xrefs.map((x, position) => [c.id, x.curie, "HAS_XREF", x.match, position])),
    },
    {
      name: "mentioned-in.csv", kind: "relationships",
      header: [":START_ID(Concept)", ":END_ID(Source)", ":TYPE", "sourceId", "sectionId", "start:long", "end:long", "position:long", "key"],
      rows: graph.concepts.flatMap((c) =>
        c.mentions.map((m, position) => [c.id, m.sourceId, "MENTIONED_IN", m.sourceId, m.sectionId, m.start, m.end, position, `${m.sourceId}|${m.sectionId}|${m.start}|${m.end}`]),
      ),
    },
    {
      name: "in-source.csv", kind: "relationships",
      header: [":START_ID(Evidence)", ":END_ID(Source)", ":TYPE"],
      rows: evidence.map(({ e }) => [e.id, e.sourceId, "IN_SOURCE"]),
    },
    {
      name: "attributed-to.csv", kind: "relationships",
      header: [":START_ID(Evidence)", ":END_ID(Source)", ":TYPE"],
      rows: evidence.filter(({ e }) => e.citedSourceId !== null).map(({ e }) => [e.id, e.citedSourceId, "ATTRIBUTED_TO"]),
    },
  ];
}

/** The arguments of `neo4j-admin` that import the tables (by file name, from their folder) into an empty database named `neo4j`, as import.sh runs it. */
export function neo4jAdminArguments(tables: readonly CsvTable[]): string[] {
  return ["database", "import", "full", "neo4j", "--overwrite-destination=true", `--array-delimiter=${NEO4J_CSV_ARRAY_DELIMITER}`, ...tables.map((t) => `--${t.kind}=${t.name}`)];
}

/** The neo4j-admin command that imports the tables into an empty database named `neo4j`: neo4jAdminArguments, one option a line, for the shell. */
export function neo4jAdminCommand(tables: readonly CsvTable[]): string {
  const args = neo4jAdminArguments(tables);
  const firstOption = args.findIndex((a) => a.startsWith("--"));
  const options = [...args.slice(firstOption), "--verbose"].map((option) => `  ${shellOption(option)}`);
  return [`neo4j-admin ${args.slice(0, firstOption).join(" ")}`, ...options].join(" \\\n");
}

/** An option for the shell: its value quoted when it holds anything but plain file-name characters (the array delimiter `;`). */
function shellOption(option: string): string {
  const at = option.indexOf("=");
  const value = option.slice(at + 1);
  return at < 0 || /^[\w.=:/-]*$/.test(value) ? option : `${option.slice(0, at + 1)}'${value}'`;
}

/** neo4j-admin import CSV: one file per node label and relationship kind, plus import.sh with the command. */
export function neo4jCsvFiles(graph: KnowledgeGraph): ExportFile[] {
  const tables = neo4jCsvTables(graph);
  const script = [
    "#!/bin/sh",
    "# Imports these files into an empty Neo4j database `neo4j` (stop the database first), then apply",
    "# schema/constraints.cypher and schema/indexes.cypher from the repository.",
    'cd "$(dirname "$0")"',
    neo4jAdminCommand(tables),
    "",
  ].join("\n");
  return [...tables.map(csvFile), { name: "import.sh", mediaType: "text/x-shellscript; charset=utf-8", text: script }];
}

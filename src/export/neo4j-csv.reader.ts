import { parse } from "csv-parse/sync";
import { NEO4J_CSV_ARRAY_DELIMITER } from "./neo4j-csv.writer.js";

/**
 * Reads neo4j-admin import CSV (the subset of its header syntax our export uses) into typed rows,
 * the way `neo4j-admin database import` reads it: an empty field sets no property, `:LABEL` and
 * array columns split on the array delimiter, `:long`/`:int` become integers.
 */

export type CsvScalar = string | number | boolean;
export type CsvValue = CsvScalar | readonly string[];
export type CsvPropertyType = "string" | "long" | "int" | "double" | "boolean" | "string[]";

export interface CsvProperty {
  readonly name: string;
  readonly type: CsvPropertyType;
  readonly value: CsvValue;
}

export interface CsvNodeRow {
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: readonly CsvProperty[];
}

export interface CsvRelationshipRow {
  readonly start: string;
  readonly end: string;
  readonly type: string;
  readonly properties: readonly CsvProperty[];
}

export type CsvTableRead =
  | { readonly kind: "nodes"; readonly idSpace: string; readonly idProperty: string | null; readonly rows: readonly CsvNodeRow[] }
  | { readonly kind: "relationships"; readonly startSpace: string; readonly endSpace: string; readonly rows: readonly CsvRelationshipRow[] };

const TYPES: readonly CsvPropertyType[] = ["string", "long", "int", "double", "boolean", "string[]"];

interface Field {
  readonly role: "id" | "label" | "start" | "end" | "type" | "property";
  readonly name: string;
  readonly type: CsvPropertyType;
  readonly space: string | null;
}

function field(header: string): Field {
  const special = /^([^:]*):(ID|START_ID|END_ID)\(([^)]+)\)$/.exec(header);
  if (special !== null) {
    const role = special[2] === "ID" ? "id" : special[2] === "START_ID" ? "start" : "end";
    return { role, name: special[1]!, type: "string", space: special[3]! };
  }
  if (header === ":LABEL") return { role: "label", name: "", type: "string", space: null };
  if (header === ":TYPE") return { role: "type", name: "", type: "string", space: null };
  const [name, type = "string"] = header.split(":");
  if (name === undefined || name === "" || !(TYPES as readonly string[]).includes(type)) throw new Error(`unsupported CSV header field "${header}"`);
  return { role: "property", name, type: type as CsvPropertyType, space: null };
}

function typed(type: CsvPropertyType, cell: string): CsvValue {
  switch (type) {
    case "long":
    case "int": {
      if (!/^-?\d+$/.test(cell)) throw new Error(`"${cell}" is not an integer`);
      return Number(cell);
    }
    case "double":
      return Number(cell);
    case "boolean":
      return cell.toLowerCase() === "true";
    case "string[]":
      return cell.split(NEO4J_CSV_ARRAY_DELIMITER);
    case "string":
      return cell;
  }
}

/** One import table from its CSV text; throws naming the problem when the header is not one we read. */
export function readNeo4jCsv(text: string): CsvTableRead {
  const [header, ...records] = parse(text, { relax_quotes: false }) as string[][];
  if (header === undefined) throw new Error("empty CSV file");
  const fields = header.map(field);
  const idField = fields.find((f) => f.role === "id");
  const props = (cells: readonly string[]): CsvProperty[] =>
    fields.flatMap((f, i) => (f.role === "property" && (cells[i] ?? "") !== "" ? [{ name: f.name, type: f.type, value: typed(f.type, cells[i]!) }] : []));
  const at = (cells: readonly string[], role: Field["role"]): string => cells[fields.findIndex((f) => f.role === role)] ?? "";
  if (idField !== undefined) {
    return {
      kind: "nodes",
      idSpace: idField.space!,
      idProperty: idField.name === "" ? null : idField.name,
      rows: records.map((cells) => {
        const id = at(cells, "id");
        const extra = idField.name === "" ? [] : [{ name: idField.name, type: "string" as const, value: id }];
        return { id, labels: at(cells, "label").split(NEO4J_CSV_ARRAY_DELIMITER).filter((l) => l !== ""), properties: [...extra, ...props(cells)] };
      }),
    };
  }
  const start = fields.find((f) => f.role === "start");
  const end = fields.find((f) => f.role === "end");
  if (start === undefined || end === undefined || !fields.some((f) => f.role === "type")) throw new Error("a CSV file needs :ID, or :START_ID, :END_ID and :TYPE");
  return {
    kind: "relationships",
    startSpace: start.space!,
    endSpace: end.space!,
    rows: records.map((cells) => ({ start: at(cells, "start"), end: at(cells, "end"), type: at(cells, "type"), properties: props(cells) })),
  };
}

import { randomUUID } from "node:crypto";
import type { CsvProperty, CsvTableRead } from "../export/neo4j-csv.reader.js";
import { createNodesQuery, createRelationshipsQuery, type IdSpaceKey } from "./cypher/csv-import.cypher.js";
import type { CypherQuery } from "./cypher/cypher-query.js";
import { stampGraphLoadQuery } from "./cypher/graph-stamp.cypher.js";
import { resetGraphQuery } from "./cypher/seed-load.cypher.js";
import type { Neo4jExecutor, WriteCounters } from "./neo4j-executor.js";

const IMPORT_TIMEOUT_MS = 120_000;

function props(properties: readonly CsvProperty[]): { props: Record<string, unknown>; integerKeys: string[] } {
  return {
    props: Object.fromEntries(properties.map((p) => [p.name, p.value])),
    integerKeys: properties.filter((p) => p.type === "long" || p.type === "int").map((p) => p.name),
  };
}

/**
 * Imports neo4j-admin import tables over Bolt, as `neo4j-admin database import` would into an empty
 * database: the graph the seed owns is removed first, then every node and relationship is created,
 * in one write transaction. An ID space must be one of its nodes' labels. Throws when a relationship
 * names a node that no table holds (neo4j-admin reports those as bad relationships too).
 */
export async function importNeo4jCsv(executor: Neo4jExecutor, tables: readonly CsvTableRead[]): Promise<WriteCounters> {
  const spaces = new Map<string, IdSpaceKey>();
  const queries: CypherQuery[] = [resetGraphQuery()];
  for (const table of tables) {
    if (table.kind !== "nodes") continue;
    if (table.idProperty === null || !table.rows.every((r) => r.labels.includes(table.idSpace))) {
      throw new Error(`ID space ${table.idSpace} must be a label of its nodes and store its id as a property`);
    }
    spaces.set(table.idSpace, { label: table.idSpace, key: table.idProperty });
    queries.push(createNodesQuery(table.rows.map((r) => ({ labels: r.labels, ...props(r.properties) }))));
  }
  const expected: number[] = [];
  for (const table of tables) {
    if (table.kind !== "relationships") continue;
    const start = spaces.get(table.startSpace);
    const end = spaces.get(table.endSpace);
    if (start === undefined || end === undefined) throw new Error(`no node table for ID space ${start === undefined ? table.startSpace : table.endSpace}`);
    expected[queries.length] = table.rows.length;
    queries.push(createRelationshipsQuery(table.rows.map((r) => ({ start: r.start, end: r.end, type: r.type, ...props(r.properties) })), start, end));
  }
  queries.push(stampGraphLoadQuery(randomUUID(), true));
  const { counters, rows } = await executor.writeAll(queries, IMPORT_TIMEOUT_MS);
  expected.forEach((n, i) => {
    const created = Number(rows[i]?.[0]?.["created"] ?? 0);
    if (created !== n) throw new Error(`a relationship table names nodes that no node table holds: ${created} of ${n} relationships created`);
  });
  return counters;
}

import type { CypherQuery } from "./cypher-query.js";

/**
 * Statements that create what a neo4j-admin import table holds. Labels, types and property keys
 * come from the file, so they travel as parameters (Cypher 5.26 dynamic labels, types and
 * properties), never as query text. `integerKeys` are the `:long`/`:int` columns: the driver sends
 * JavaScript numbers as floats, so they are converted in the database, as neo4j-admin stores them.
 */

export interface NodeImportRow {
  readonly labels: readonly string[];
  readonly props: Readonly<Record<string, unknown>>;
  readonly integerKeys: readonly string[];
}

export interface RelationshipImportRow {
  readonly start: string;
  readonly end: string;
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly integerKeys: readonly string[];
}

/** Where the nodes of an ID space are found: their label and the property holding the id. */
export interface IdSpaceKey {
  readonly label: string;
  readonly key: string;
}

/** Creates one node per row. */
export function createNodesQuery(rows: readonly NodeImportRow[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (n:$(row.labels))
      SET n = row.props
      FOREACH (key IN row.integerKeys | SET n[key] = toInteger(n[key]))`,
    params: { rows },
  };
}

/** Creates one relationship per row between existing nodes; returns how many it created. */
export function createRelationshipsQuery(rows: readonly RelationshipImportRow[], start: IdSpaceKey, end: IdSpaceKey): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (a:$($startLabel)) WHERE a[$startKey] = row.start
      MATCH (b:$($endLabel)) WHERE b[$endKey] = row.end
      CREATE (a)-[r:$(row.type)]->(b)
      SET r = row.props
      FOREACH (key IN row.integerKeys | SET r[key] = toInteger(r[key]))
      RETURN count(r) AS created`,
    params: { rows, startLabel: start.label, startKey: start.key, endLabel: end.label, endKey: end.key },
  };
}

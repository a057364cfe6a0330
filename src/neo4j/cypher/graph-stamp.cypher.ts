import type { CypherQuery } from "./cypher-query.js";

/**
 * What identifies the stored graph's state: the curation version (each write bumps it) and the id of the
 * load that wrote the graph (each seed load sets a new one, since a reload does not bump the version).
 */
export function graphStampQuery(): CypherQuery {
  return { cypher: "OPTIONAL MATCH (g:GraphState {id: 'graph'}) RETURN coalesce(g.version, 0) AS version, g.loadId AS loadId", params: {} };
}

/**
 * Records a new load of the graph: a fresh load id on the graph-state node (created at version 0 when
 * absent). `replaced` says the load replaced the graph and its history, so the version goes back to 0.
 */
export function stampGraphLoadQuery(loadId: string, replaced: boolean): CypherQuery {
  return {
    cypher: "MERGE (g:GraphState {id: 'graph'}) SET g.version = CASE WHEN $replaced THEN 0 ELSE coalesce(g.version, 0) END, g.loadId = $loadId",
    params: { loadId, replaced },
  };
}

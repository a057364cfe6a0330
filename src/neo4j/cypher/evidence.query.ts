import type { CypherQuery } from "./cypher-query.js";
import { evidenceMap } from "./projections.cypher.js";

/** Evidence records of the given relations. */
export function evidenceByRelationIdsQuery(relationIds: readonly string[]): CypherQuery {
  return {
    cypher: `MATCH (e:Evidence) WHERE e.relationId IN $ids RETURN ${evidenceMap("e")} AS evidence`,
    params: { ids: [...relationIds] },
  };
}

/** Evidence located in, or attributed to, each of the given sources. */
export function evidenceBySourceIdsQuery(sourceIds: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS sourceId
      MATCH (e:Evidence) WHERE e.sourceId = sourceId OR e.citedSourceId = sourceId
      RETURN sourceId, ${evidenceMap("e")} AS evidence`,
    params: { ids: [...sourceIds] },
  };
}

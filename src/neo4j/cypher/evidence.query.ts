import type { CypherQuery } from "./cypher-query.js";
import type { EvidenceFilter } from "../../domain/evidence-filter.js";
import { evidenceFilterParam, evidenceMatch } from "./evidence-filter.cypher.js";
import { evidenceMap } from "./projections.cypher.js";

const matching = (e: string): string => `($evidence IS NULL OR (${evidenceMatch(e, "$evidence")}))`;

/** Evidence records of the given relations that match the filter (all for none). */
export function evidenceByRelationIdsQuery(relationIds: readonly string[], evidence: EvidenceFilter | null = null): CypherQuery {
  return {
    cypher: `MATCH (e:Evidence) WHERE e.relationId IN $ids AND ${matching("e")} RETURN ${evidenceMap("e")} AS evidence`,
    params: { ids: [...relationIds], evidence: evidenceFilterParam(evidence) },
  };
}

/** Evidence located in, or attributed to, each of the given sources, matching the filter (all for none). */
export function evidenceBySourceIdsQuery(sourceIds: readonly string[], evidence: EvidenceFilter | null = null): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS sourceId
      MATCH (e:Evidence) WHERE (e.sourceId = sourceId OR e.citedSourceId = sourceId) AND ${matching("e")}
      RETURN sourceId, ${evidenceMap("e")} AS evidence`,
    params: { ids: [...sourceIds], evidence: evidenceFilterParam(evidence) },
  };
}

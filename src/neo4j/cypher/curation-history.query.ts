import type { ChangePageRequest } from "../../store/curation-store.js";
import { conceptsWithIdsQuery, relationsWithIdsQuery } from "./concept-lookup.query.js";
import type { CypherQuery } from "./cypher-query.js";

/** A change record as stored: before/after are JSON text (Neo4j properties hold no nested maps). */
export interface StoredChange {
  readonly graphVersion: number;
  readonly at: string;
  readonly principal: string;
  readonly role: string;
  readonly operation: string;
  readonly targetIds: readonly string[];
  readonly reason: string | null;
  readonly note: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

/**
 * Records one committed change in the graph version the lock produced, tied to the records a
 * retraction kept (:RetractedRelation, :RetractedEvidence of that version).
 */
export function recordChangeQuery(change: StoredChange): CypherQuery {
  return {
    cypher: `
      CREATE (ch:Change)
      SET ch = $change
      WITH ch
      CALL (ch) {
        MATCH (gone:RetractedRelation {retractedInVersion: ch.graphVersion})
        MERGE (ch)-[:RETRACTED]->(gone)
      }
      CALL (ch) {
        MATCH (gone:RetractedEvidence {retractedInVersion: ch.graphVersion})
        MERGE (ch)-[:RETRACTED]->(gone)
      }
      RETURN ch.graphVersion AS graphVersion`,
    params: { change: { ...change, targetIds: [...change.targetIds] } },
  };
}

/** One page of changes above `since` (and the cursor), oldest first, one more than the page to tell whether more follow, with the total above `since`. */
export function changePageQuery(request: ChangePageRequest): CypherQuery {
  return {
    cypher: `
      CALL () {
        MATCH (ch:Change) WHERE ch.graphVersion > $since
        RETURN count(ch) AS total
      }
      CALL () {
        MATCH (ch:Change) WHERE ch.graphVersion > $from
        WITH ch ORDER BY ch.graphVersion LIMIT toInteger($take)
        RETURN collect(ch {.*}) AS items
      }
      RETURN total, items`,
    params: { since: request.since, from: Math.max(request.since, request.after ?? request.since), take: request.limit + 1 },
  };
}

/** Versions of concepts by id (1 when never written); unknown ids yield no row. */
export function conceptVersionsQuery(ids: readonly string[]): CypherQuery {
  return conceptsWithIdsQuery(ids, "c.id AS id, coalesce(c.version, 1) AS version");
}

/** Versions of live relations by id (1 when never written); unknown ids yield no row. */
export function relationVersionsQuery(ids: readonly string[]): CypherQuery {
  return relationsWithIdsQuery(ids, "r.id AS id, coalesce(r.version, 1) AS version");
}

/** Labels of the curation history: change records, the graph version and what retractions keep. */
export const CURATION_LABELS = ["Change", "GraphState", "RetractedRelation", "RetractedEvidence"] as const;

import type { Tour } from "../../domain/tour.model.js";
import type { CypherQuery } from "./cypher-query.js";

/** Node labels of guided tours; the seed owns them, so --reset removes them with the rest. */
export const TOUR_LABELS = ["Tour", "TourStep"] as const;

/**
 * One statement that makes the stored tours exactly the seed's: tours and steps the seed no longer
 * has are deleted, the rest MERGEd on stable keys (tour id; "<tour id>#<position>" for a step), so a
 * second run with the same seed creates and deletes nothing. Tours hold concept and relation ids as
 * properties, not as relationships, so walks over the concept graph never meet them.
 */
export function syncToursQuery(tours: readonly Tour[]): CypherQuery {
  const rows = tours.map((t) => ({
    props: {
      id: t.id,
      title: t.title,
      summary: t.summary,
      audience: t.audience,
      dataset: t.dataset,
      position: t.position,
      stepCount: t.steps.length,
    },
    steps: t.steps.map((s) => ({
      key: `${t.id}#${s.position}`,
      tourId: t.id,
      position: s.position,
      title: s.title,
      narrative: s.narrative,
      conceptIds: [...s.conceptIds],
      relationIds: [...s.relationIds],
      focusId: s.focusId,
    })),
  }));
  return {
    cypher: `
      CALL () {
        MATCH (s:TourStep) WHERE NOT s.key IN $stepKeys
        DETACH DELETE s
      }
      CALL () {
        MATCH (t:Tour) WHERE NOT t.id IN $tourIds
        DETACH DELETE t
      }
      UNWIND $rows AS row
      MERGE (t:Tour {id: row.props.id})
      SET t = row.props
      WITH t, row
      CALL (t, row) {
        UNWIND row.steps AS step
        MERGE (s:TourStep {key: step.key})
        SET s = step
        MERGE (t)-[:HAS_STEP]->(s)
      }`,
    params: {
      rows,
      tourIds: tours.map((t) => t.id),
      stepKeys: rows.flatMap((r) => r.steps.map((s) => s.key)),
    },
  };
}

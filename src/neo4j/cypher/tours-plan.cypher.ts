import type { ToursPlan } from "../../plan/read-plan.js";
import type { Projector } from "./plan-projector.cypher.js";
import { relationByIdMatch } from "./relation-by-id.cypher.js";
import { TOUR_MAP } from "./tours.query.js";

/**
 * The body of a tours statement: the tours (every one for null $ids), and each concept and relation
 * their steps name, projected once: `tours` (toursQuery's maps), `concepts`, `relations`. Ids the graph
 * does not hold yield nothing.
 */
export function toursBody(plan: ToursPlan, p: Projector): string {
  const steps = `UNWIND tours AS t
      MATCH (t)-[:HAS_STEP]->(st:TourStep)`;
  const concept = plan.concepts === null ? null : p.concept("c", plan.concepts, ["concepts"]);
  const relation = plan.relations === null ? null : p.relation("rel", plan.relations, ["relations"]);
  const concepts =
    concept === null
      ? "CALL () { RETURN [] AS concepts }"
      : `CALL (tours) {
      ${steps}
      UNWIND [id IN st.conceptIds + [st.focusId] WHERE id IS NOT NULL] AS cid
      WITH DISTINCT cid
      MATCH (c:Concept {id: cid})
      ${concept.prelude}
      RETURN collect(${concept.map}) AS concepts
    }`;
  const relations =
    relation === null
      ? "CALL () { RETURN [] AS relations }"
      : `CALL (tours) {
      ${steps}
      UNWIND st.relationIds AS rid
      WITH DISTINCT rid
      ${relationByIdMatch("rid", "rel")}
      ${relation.prelude}
      RETURN collect(${relation.map}) AS relations
    }`;
  return `
    MATCH (t:Tour) WHERE $ids IS NULL OR t.id IN $ids
    WITH collect(t) AS tours
    CALL (tours) {
      UNWIND tours AS t
      RETURN collect(${TOUR_MAP}) AS tourMaps
    }
    ${concepts}
    ${relations}
    RETURN tourMaps AS tours, concepts, relations`;
}

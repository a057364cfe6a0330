import { CAUSAL_RELATION_TYPES } from "../../domain/relation-type.js";
import { CONDITION_FINDING_TYPES, INTERVENTION_TYPES, TRANSITIVE_VIEW_DEPTH } from "../../domain/concept-views.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, hopRange, relationMap } from "./projections.cypher.js";

/** For each condition, every treatment acting on the condition's scope, in one round trip. */
export function treatmentOptionsQuery(conditionIds: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (c:Concept {id: id})
      CALL (c) {
        MATCH (c)-[f]->(x:Concept) WHERE type(f) IN $findingTypes
        RETURN x AS seed
        UNION
        RETURN c AS seed
      }
      CALL (seed) {
        MATCH (seed)<-[rels${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(u:Concept)
        WHERE all(r IN rels WHERE type(r) IN $causalTypes)
        RETURN u AS member
        UNION
        RETURN seed AS member
      }
      WITH DISTINCT id, member
      MATCH (t:Concept {kind: 'treatment'})-[r]->(member)
      WHERE type(r) IN $interventionTypes
      RETURN id, collect({treatment: ${conceptMap("t")}, relation: ${relationMap("r")}, target: ${conceptMap("member")}}) AS options`,
    params: {
      ids: [...conditionIds],
      findingTypes: [...CONDITION_FINDING_TYPES],
      causalTypes: [...CAUSAL_RELATION_TYPES],
      interventionTypes: [...INTERVENTION_TYPES],
    },
  };
}

import { CAUSAL_RELATION_TYPES } from "../../domain/relation-type.js";
import { CONDITION_FINDING_TYPES, INTERVENTION_TYPES, TRANSITIVE_VIEW_DEPTH } from "../../domain/concept-views.js";
import type { CypherQuery } from "./cypher-query.js";
import type { EvidenceFilter } from "../../domain/evidence-filter.js";
import { allowedRelationsCall, evidenceFilterParam, relationPasses } from "./evidence-filter.cypher.js";
import { conceptMap, hopRange, relationMap } from "./projections.cypher.js";

/** For each condition, every treatment acting on the condition's scope, in one round trip; only passing relations count. */
export function treatmentOptionsQuery(conditionIds: readonly string[], evidence: EvidenceFilter | null = null): CypherQuery {
  const filtered = evidence !== null;
  return {
    cypher: `
      ${filtered ? allowedRelationsCall("$evidence", "") : "WITH [] AS allowed"}
      UNWIND $ids AS id
      MATCH (c:Concept {id: id})
      CALL (c) {
        MATCH (c)-[f]->(x:Concept) WHERE type(f) IN $findingTypes AND ${relationPasses("f", "$evidence")}
        RETURN x AS seed
        UNION
        RETURN c AS seed
      }
      CALL (seed, allowed) {
        MATCH (seed)<-[rels${hopRange(TRANSITIVE_VIEW_DEPTH)}]-(u:Concept)
        WHERE all(r IN rels WHERE type(r) IN $causalTypes${filtered ? " AND r.id IN allowed" : ""})
        RETURN u AS member
        UNION
        RETURN seed AS member
      }
      WITH DISTINCT id, member
      MATCH (t:Concept {kind: 'treatment'})-[r]->(member)
      WHERE type(r) IN $interventionTypes AND ${relationPasses("r", "$evidence")}
      RETURN id, collect({treatment: ${conceptMap("t")}, relation: ${relationMap("r")}, target: ${conceptMap("member")}}) AS options`,
    params: {
      ids: [...conditionIds],
      findingTypes: [...CONDITION_FINDING_TYPES],
      causalTypes: [...CAUSAL_RELATION_TYPES],
      interventionTypes: [...INTERVENTION_TYPES],
      evidence: evidenceFilterParam(evidence),
    },
  };
}

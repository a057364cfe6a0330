import { RELATION_TYPES } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, evidenceMap, relationMap } from "./projections.cypher.js";
import { SOURCE_MAP } from "./sources.query.js";

/**
 * Read-only statements that page the live graph out of Neo4j for `npm run seed -- --export`. Every
 * page is keyset-ordered on a uniquely constrained id, so each statement is an index range scan of
 * at most `limit` entries, and a graph of any size is read in bounded rows. Only live data is read:
 * :Concept, :Source and :Evidence nodes (retracted evidence carries :RetractedEvidence instead) and
 * relationships of the relation vocabulary between concepts.
 */

/** Up to `limit` concepts with ids after `after` (null: from the start), ordered by id. */
export function exportConceptPageQuery(after: string | null, limit: number): CypherQuery {
  return {
    cypher: `
      MATCH (c:Concept) WHERE $after IS NULL OR c.id > $after
      WITH c ORDER BY c.id LIMIT toInteger($limit)
      RETURN ${conceptMap("c")} AS concept`,
    params: { after, limit },
  };
}

/** The outgoing live relations of the given concepts (each relation once, at its start concept). */
export function exportRelationsFromQuery(conceptIds: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (a:Concept {id: id})-[r]->(:Concept)
      WHERE type(r) IN $types
      RETURN ${relationMap("r")} AS relation`,
    params: { ids: [...conceptIds], types: [...RELATION_TYPES] },
  };
}

/** The live evidence of the given relations, through the evidence_relation index. */
export function exportEvidenceOfQuery(relationIds: readonly string[]): CypherQuery {
  return {
    cypher: `
      UNWIND $ids AS relationId
      MATCH (e:Evidence {relationId: relationId})
      WHERE NOT e:RetractedEvidence
      RETURN ${evidenceMap("e")} AS evidence`,
    params: { ids: [...relationIds] },
  };
}

/** Up to `limit` sources with ids after `after` (null: from the start), with their sections, ordered by id. */
export function exportSourcePageQuery(after: string | null, limit: number): CypherQuery {
  return {
    cypher: `
      MATCH (s:Source) WHERE $after IS NULL OR s.id > $after
      WITH s ORDER BY s.id LIMIT toInteger($limit)
      RETURN ${SOURCE_MAP} AS source`,
    params: { after, limit },
  };
}

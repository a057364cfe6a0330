import { RELATION_TYPES } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";

/** Counts concepts per kind, relations per type (graph relations only), evidence and sources in one round trip. */
export function graphCountsQuery(): CypherQuery {
  return {
    cypher: `
      CALL () {
        MATCH (c:Concept)
        WITH c.kind AS key, count(*) AS n ORDER BY key
        RETURN collect({key: key, n: n}) AS kinds
      }
      CALL () {
        MATCH (:Concept)-[r]->(:Concept)
        WHERE type(r) IN $types
        WITH type(r) AS key, count(*) AS n ORDER BY key
        RETURN collect({key: key, n: n}) AS types
      }
      CALL () { MATCH (e:Evidence) RETURN count(e) AS evidence }
      CALL () { MATCH (s:Source) RETURN count(s) AS sources }
      RETURN kinds, types, evidence, sources`,
    params: { types: [...RELATION_TYPES] },
  };
}

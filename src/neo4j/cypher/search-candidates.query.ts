import type { SearchCandidateRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { CONCEPT_TEXT_INDEX } from "./graph-schema.cypher.js";
import { conceptMap } from "./projections.cypher.js";

/**
 * The Lucene query for the full-text index: each term as a fuzzy match (up to two edits) or as a
 * prefix. Terms are lower-case letters and digits only, so nothing needs escaping and no term can
 * read as an operator. It is a superset of what the shared ranking accepts.
 */
export function luceneQueryFor(terms: readonly string[]): string {
  return terms.map((t) => (t.length >= 3 ? `${t}~2 OR ${t}*` : `${t}~1 OR ${t}`)).join(" OR ");
}

/** Candidates from the full-text index, filtered by kind. */
export function searchCandidatesQuery(request: SearchCandidateRequest): CypherQuery {
  for (const t of request.terms) {
    if (!/^[\p{Ll}\p{Lo}\p{N}]+$/u.test(t)) throw new Error(`search term "${t}" was not normalised`);
  }
  return {
    cypher: `
      CALL db.index.fulltext.queryNodes($index, $lucene, {limit: toInteger($limit)}) YIELD node, score
      WHERE $kinds IS NULL OR node.kind IN $kinds
      RETURN ${conceptMap("node")} AS concept`,
    params: {
      index: CONCEPT_TEXT_INDEX,
      lucene: luceneQueryFor(request.terms),
      kinds: request.kinds === null ? null : [...request.kinds],
      limit: request.limit,
    },
  };
}

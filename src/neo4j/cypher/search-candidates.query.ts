import { allowedEdits } from "../../domain/search-ranking.js";
import type { SearchCandidateRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { CONCEPT_TEXT_INDEX } from "./graph-schema.cypher.js";
import { conceptMap } from "./projections.cypher.js";

/** Characters Lucene's classic query parser reads as syntax, each escaped with a backslash. */
const LUCENE_SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/\s]/g;

/** A term as a literal for Lucene's query parser: every syntax character escaped. */
export function escapeLuceneTerm(term: string): string {
  return term.replace(LUCENE_SYNTAX, (c) => `\\${c}`);
}

/**
 * The Lucene query for the full-text index, a superset of what the shared ranking accepts: each term
 * exactly, as a prefix from three characters, and with the edits the ranking allows. Terms are words of
 * the shared normalisation, as the index holds them, and are escaped, so no input reads as syntax.
 */
export function luceneQueryFor(terms: readonly string[]): string {
  return terms
    .flatMap((t) => {
      const literal = escapeLuceneTerm(t);
      const edits = allowedEdits(t);
      return [literal, ...(t.length >= 3 ? [`${literal}*`] : []), ...(edits > 0 ? [`${literal}~${edits}`] : [])];
    })
    .join(" OR ");
}

/** Candidates from the full-text index, filtered by kind. */
export function searchCandidatesQuery(request: SearchCandidateRequest): CypherQuery {
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

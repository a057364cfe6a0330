import type { TextSearchRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { CONCEPT_TEXT_INDEX, EVIDENCE_TEXT_INDEX, SOURCE_TEXT_INDEX } from "./graph-schema.cypher.js";
import { conceptMap, evidenceMap } from "./projections.cypher.js";
import { luceneQueryFor } from "./search-candidates.query.js";
import { SOURCE_MAP } from "./sources.query.js";

const CONCEPTS = `CALL () {
        CALL db.index.fulltext.queryNodes($conceptIndex, $lucene, {limit: toInteger($limit)}) YIELD node
        RETURN collect(${conceptMap("node")}) AS concepts
      }`;

// The source index is asked once: its hits are returned as sources and also lead to the claims citing them.
const SOURCE_HITS = `CALL () {
        CALL db.index.fulltext.queryNodes($sourceIndex, $lucene, {limit: toInteger($limit)}) YIELD node
        RETURN collect(node) AS sourceHits
      }`;

const SOURCES = `CALL (sourceHits) {
        UNWIND sourceHits AS s
        RETURN collect(${SOURCE_MAP}) AS sources
      }`;

// Claims match by their own text, or through the source they cite (its title is searchable for them).
const EVIDENCE = `CALL (sourceHits) {
        CALL (sourceHits) {
          CALL db.index.fulltext.queryNodes($evidenceIndex, $lucene, {limit: toInteger($limit)}) YIELD node
          RETURN node AS e
          UNION
          UNWIND sourceHits AS cited
          MATCH (e:Evidence {citedSourceId: cited.id})
          RETURN e
        }
        OPTIONAL MATCH (cited:Source {id: e.citedSourceId})
        RETURN collect({evidence: ${evidenceMap("e")}, citedSourceTitle: cited.title}) AS evidence
      }`;

/**
 * Candidates of every requested kind from the full-text indexes, in one statement and one row.
 * Kinds not requested are not queried (fixed empty lists). The Lucene text comes from the same
 * builder as concept search, which owns term safety. Ranking happens afterwards, in the service.
 */
export function textSearchQuery(request: TextSearchRequest): CypherQuery {
  const wants = (target: TextSearchRequest["targets"][number]): boolean => request.targets.includes(target);
  return {
    cypher: `
      ${wants("concept") ? CONCEPTS : "CALL () { RETURN [] AS concepts }"}
      ${wants("source") || wants("evidence") ? SOURCE_HITS : "CALL () { RETURN [] AS sourceHits }"}
      ${wants("source") ? SOURCES : "CALL () { RETURN [] AS sources }"}
      ${wants("evidence") ? EVIDENCE : "CALL () { RETURN [] AS evidence }"}
      RETURN concepts, sources, evidence`,
    params: {
      conceptIndex: CONCEPT_TEXT_INDEX,
      sourceIndex: SOURCE_TEXT_INDEX,
      evidenceIndex: EVIDENCE_TEXT_INDEX,
      lucene: luceneQueryFor(request.terms),
      limit: request.limit,
    },
  };
}

import type { TextSearchRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import type { Projection } from "./plan-projector.cypher.js";
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
const evidenceBlock = (claims: Projection | null): string => `CALL (sourceHits) {
        CALL (sourceHits) {
          CALL db.index.fulltext.queryNodes($evidenceIndex, $lucene, {limit: toInteger($limit)}) YIELD node
          RETURN node AS e
          UNION
          UNWIND sourceHits AS cited
          MATCH (e:Evidence {citedSourceId: cited.id})
          RETURN e
        }
        OPTIONAL MATCH (cited:Source {id: e.citedSourceId})
        ${claims?.prelude ?? ""}
        RETURN collect({evidence: ${claims?.map ?? evidenceMap("e")}, citedSourceTitle: cited.title}) AS evidence
      }`;

/**
 * The statement finding candidates of every requested kind from the full-text indexes, in one row:
 * `concepts`, `sources`, `evidence` ({evidence, citedSourceTitle}). Kinds not requested are not queried
 * (fixed empty lists). `claims` projects each claim `e` for a read plan (its record alone when null).
 */
export function textSearchStatement(targets: TextSearchRequest["targets"], claims: Projection | null): string {
  const wants = (target: TextSearchRequest["targets"][number]): boolean => targets.includes(target);
  return `
      ${wants("concept") ? CONCEPTS : "CALL () { RETURN [] AS concepts }"}
      ${wants("source") || wants("evidence") ? SOURCE_HITS : "CALL () { RETURN [] AS sourceHits }"}
      ${wants("source") ? SOURCES : "CALL () { RETURN [] AS sources }"}
      ${wants("evidence") ? evidenceBlock(claims) : "CALL () { RETURN [] AS evidence }"}
      RETURN concepts, sources, evidence`;
}

/** The parameters of textSearchStatement for a request. The Lucene text comes from the same builder as concept search, which owns term safety. */
export function textSearchParams(request: TextSearchRequest): Record<string, unknown> {
  return {
    conceptIndex: CONCEPT_TEXT_INDEX,
    sourceIndex: SOURCE_TEXT_INDEX,
    evidenceIndex: EVIDENCE_TEXT_INDEX,
    lucene: luceneQueryFor(request.terms),
    limit: request.limit,
  };
}

/** Candidates of every requested kind, in one statement and one row; ranking happens afterwards, in the service. */
export function textSearchQuery(request: TextSearchRequest): CypherQuery {
  return { cypher: textSearchStatement(request.targets, null), params: textSearchParams(request) };
}

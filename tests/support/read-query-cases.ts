import { conceptsByIdsQuery, relationsByIdsQuery } from "../../src/neo4j/cypher/concept-lookup.query.js";
import { conceptPageQuery } from "../../src/neo4j/cypher/concept-page.query.js";
import type { CypherQuery } from "../../src/neo4j/cypher/cypher-query.js";
import { evidenceByRelationIdsQuery, evidenceBySourceIdsQuery } from "../../src/neo4j/cypher/evidence.query.js";
import { linksQuery } from "../../src/neo4j/cypher/links.query.js";
import { neighborhoodQuery } from "../../src/neo4j/cypher/neighborhood.query.js";
import { pathsQuery, rootPathsQuery, shortestPathsQuery } from "../../src/neo4j/cypher/path.query.js";
import { reachQuery } from "../../src/neo4j/cypher/reach.query.js";
import { relationPagesQuery } from "../../src/neo4j/cypher/relation-page.query.js";
import { searchCandidatesQuery } from "../../src/neo4j/cypher/search-candidates.query.js";
import { conceptsBySourceIdsQuery, sourcesQuery } from "../../src/neo4j/cypher/sources.query.js";
import { textSearchQuery } from "../../src/neo4j/cypher/text-search.query.js";
import { toursQuery } from "../../src/neo4j/cypher/tours.query.js";
import { treatmentOptionsQuery } from "../../src/neo4j/cypher/treatment-options.query.js";

/** Ids the cases use: two concepts joined by a causal path, a condition, a relation and a source. */
export interface CaseIds {
  readonly concept: string;
  readonly from: string;
  readonly to: string;
  readonly condition: string;
  readonly relation: string;
  readonly source: string;
}

/** A read statement the API sends, built by its real builder with representative arguments. */
export interface ReadQueryCase {
  readonly name: string;
  readonly query: CypherQuery;
}

const FILTER = { sources: null, knowledgeLevels: ["knowledge_assertion" as const], agentTypes: null };

/** Every read builder of src/neo4j/cypher/*.query.ts, with and without the optional filters that change the plan. */
export function readQueryCases(ids: CaseIds): ReadQueryCase[] {
  return [
    { name: "concept lookup", query: conceptsByIdsQuery([ids.concept, ids.from]) },
    { name: "relations by id", query: relationsByIdsQuery([ids.relation]) },
    { name: "links", query: linksQuery([{ conceptId: ids.concept, direction: "both", types: null, kinds: null, context: null }]) },
    { name: "links, typed and filtered", query: linksQuery([{ conceptId: ids.concept, direction: "out", types: ["CAUSES"], kinds: ["symptom"], context: null, evidence: FILTER }]) },
    { name: "relation page", query: relationPagesQuery([{ conceptId: ids.concept, direction: "both", types: null, limit: 10, after: null }]) },
    { name: "neighbourhood depth 2", query: neighborhoodQuery({ conceptId: ids.concept, depth: 2, direction: "both", types: null, kinds: null }) },
    { name: "neighbourhood, filtered", query: neighborhoodQuery({ conceptId: ids.concept, depth: 2, direction: "both", types: null, kinds: null, evidence: FILTER }) },
    { name: "causal paths", query: pathsQuery({ from: ids.from, to: ids.to, types: ["CAUSES", "PRECEDES", "CONTRIBUTES_TO"], maxHops: 6, directed: true, limit: 5 }) },
    { name: "shortest paths", query: shortestPathsQuery({ from: ids.from, to: ids.to, types: ["CAUSES", "PRECEDES"], maxHops: 6, directed: false }) },
    { name: "root paths", query: rootPathsQuery({ to: ids.condition, types: ["CAUSES", "PRECEDES", "CONTRIBUTES_TO"], maxHops: 4, limit: 5, context: null }) },
    { name: "reach", query: reachQuery([{ conceptId: ids.concept, direction: "upstream", types: ["CAUSES", "PRECEDES"], kinds: null, maxDepth: 3 }]) },
    { name: "treatment options", query: treatmentOptionsQuery([ids.condition]) },
    { name: "evidence of relations", query: evidenceByRelationIdsQuery([ids.relation]) },
    { name: "evidence of relations, filtered", query: evidenceByRelationIdsQuery([ids.relation], FILTER) },
    { name: "evidence of sources", query: evidenceBySourceIdsQuery([ids.source]) },
    { name: "concepts of sources", query: conceptsBySourceIdsQuery([ids.source]) },
    { name: "sources by id", query: sourcesQuery([ids.source]) },
    { name: "search candidates", query: searchCandidatesQuery({ terms: ["spasm"], kinds: null, limit: 20 }) },
    { name: "search everything", query: textSearchQuery({ terms: ["spasm"], targets: ["concept", "source", "evidence"], limit: 20 }) },
    { name: "concept page by name", query: conceptPageQuery({ filter: {}, order: "NAME_ASC", forward: true, limit: 20, cursor: null }) },
    { name: "concept page of a kind", query: conceptPageQuery({ filter: { kinds: ["symptom"] }, order: "NAME_ASC", forward: true, limit: 20, cursor: null }) },
    { name: "concept page by ids", query: conceptPageQuery({ filter: { ids: [ids.concept] }, order: "ID_ASC", forward: true, limit: 20, cursor: null }) },
    { name: "concept page with a relation", query: conceptPageQuery({ filter: { hasRelation: { type: "CAUSES", direction: "out", otherId: ids.to } }, order: "NAME_ASC", forward: true, limit: 20, cursor: null }) },
    { name: "tours", query: toursQuery(null) },
  ];
}

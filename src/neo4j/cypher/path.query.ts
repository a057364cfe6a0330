import { contextsApplyingIn } from "../../domain/context-scope.js";
import type { EvidenceFilter, PathRequest, RootPathRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { allowedRelationsCall, evidenceFilterParam } from "./evidence-filter.cypher.js";
import { conceptMap, hopRange, pathRankColumns, relationMap, simplePathPredicate } from "./projections.cypher.js";

/** The CALL binding `allowed`, the predicate on a walked relation `r`, and the parameter, for a filter or none. */
function evidenceParts(filter: EvidenceFilter | null | undefined, r: string) {
  if (filter === null || filter === undefined) return { call: "", passes: "", params: {} };
  return { call: allowedRelationsCall("$evidence", ""), passes: ` AND ${r}.id IN allowed`, params: { evidence: evidenceFilterParam(filter) } };
}

const RETURN_PATH = `RETURN [n IN nodes(p) | ${conceptMap("n")}] AS nodes, [r IN relationships(p) | ${relationMap("r")}] AS relations`;

/**
 * All simple paths from one concept to another along the given relation types, ranked by the shared
 * rule (fewest hops, most evidence, relation ids) and cut at limit + 1 so truncation shows.
 */
export function pathsQuery(request: PathRequest): CypherQuery {
  const rel = `rels${hopRange(request.maxHops)}`;
  const pattern = request.directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  const evidence = evidenceParts(request.evidence, "r");
  return {
    cypher: `
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      ${evidence.call}
      MATCH p = ${pattern}
      WHERE all(r IN rels WHERE type(r) IN $types${evidence.passes}) AND ${simplePathPredicate("p")}
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      ${RETURN_PATH}`,
    params: { from: request.from, to: request.to, types: [...request.types], take: request.limit + 1, ...evidence.params },
  };
}

/** Upper bound on the shortest paths returned before ranking picks the best. */
export const MAX_SHORTEST_PATHS = 100;

/** Every shortest path between two concepts along the given types, ranked like pathsQuery. */
export function shortestPathsQuery(request: Omit<PathRequest, "limit">): CypherQuery {
  const rel = `rels${hopRange(request.maxHops).replace("*1..", "*..")}`;
  const pattern = request.directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  const evidence = evidenceParts(request.evidence, "r");
  return {
    cypher: `
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      ${evidence.call}
      MATCH p = allShortestPaths(${pattern})
      WHERE all(r IN rels WHERE type(r) IN $types${evidence.passes})
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT ${MAX_SHORTEST_PATHS}
      ${RETURN_PATH}`,
    params: { from: request.from, to: request.to, types: [...request.types], ...evidence.params },
  };
}

/**
 * Simple paths ending at `to` that start at a root: a concept with no incoming relation of the types.
 * With a context, relations that do not apply in it are neither walked nor counted as incoming.
 */
export function rootPathsQuery(request: RootPathRequest): CypherQuery {
  const rel = `rels${hopRange(request.maxHops)}`;
  const applies = (r: string): string => `type(${r}) IN $types AND ($contexts IS NULL OR ${r}.context IS NULL OR ${r}.context IN $contexts)`;
  const evidence = evidenceParts(request.evidence, "r");
  return {
    cypher: `
      MATCH (t:Concept {id: $to})
      ${evidence.call}
      MATCH p = (root:Concept)-[${rel}]->(t)
      WHERE all(r IN rels WHERE ${applies("r")}${evidence.passes}) AND ${simplePathPredicate("p")}
        AND NOT EXISTS { MATCH (:Concept)-[r2]->(root) WHERE ${applies("r2")}${evidenceParts(request.evidence, "r2").passes} }
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      ${RETURN_PATH}`,
    params: {
      to: request.to,
      types: [...request.types],
      take: request.limit + 1,
      contexts: request.context === null ? null : contextsApplyingIn(request.context),
      ...evidence.params,
    },
  };
}

import { contextsApplyingIn } from "../../domain/context-scope.js";
import type { PathRequest, RootPathRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, hopRange, pathRankColumns, relationMap, simplePathPredicate } from "./projections.cypher.js";

const RETURN_PATH = `RETURN [n IN nodes(p) | ${conceptMap("n")}] AS nodes, [r IN relationships(p) | ${relationMap("r")}] AS relations`;

/**
 * All simple paths from one concept to another along the given relation types, ranked by the shared
 * rule (fewest hops, most evidence, relation ids) and cut at limit + 1 so truncation shows.
 */
export function pathsQuery(request: PathRequest): CypherQuery {
  const rel = `rels${hopRange(request.maxHops)}`;
  const pattern = request.directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  return {
    cypher: `
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      MATCH p = ${pattern}
      WHERE all(r IN rels WHERE type(r) IN $types) AND ${simplePathPredicate("p")}
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      ${RETURN_PATH}`,
    params: { from: request.from, to: request.to, types: [...request.types], take: request.limit + 1 },
  };
}

/** Upper bound on the shortest paths returned before ranking picks the best. */
export const MAX_SHORTEST_PATHS = 100;

/** Every shortest path between two concepts along the given types, ranked like pathsQuery. */
export function shortestPathsQuery(request: Omit<PathRequest, "limit">): CypherQuery {
  const rel = `rels${hopRange(request.maxHops).replace("*1..", "*..")}`;
  const pattern = request.directed ? `(a)-[${rel}]->(b)` : `(a)-[${rel}]-(b)`;
  return {
    cypher: `
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      MATCH p = allShortestPaths(${pattern})
      WHERE all(r IN rels WHERE type(r) IN $types)
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT ${MAX_SHORTEST_PATHS}
      ${RETURN_PATH}`,
    params: { from: request.from, to: request.to, types: [...request.types] },
  };
}

/**
 * Simple paths ending at `to` that start at a root: a concept with no incoming relation of the types.
 * With a context, relations that do not apply in it are neither walked nor counted as incoming.
 */
export function rootPathsQuery(request: RootPathRequest): CypherQuery {
  const rel = `rels${hopRange(request.maxHops)}`;
  const applies = (r: string): string => `type(${r}) IN $types AND ($contexts IS NULL OR ${r}.context IS NULL OR ${r}.context IN $contexts)`;
  return {
    cypher: `
      MATCH (t:Concept {id: $to})
      MATCH p = (root:Concept)-[${rel}]->(t)
      WHERE all(r IN rels WHERE ${applies("r")}) AND ${simplePathPredicate("p")}
        AND NOT EXISTS { MATCH (:Concept)-[r2]->(root) WHERE ${applies("r2")} }
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      ${RETURN_PATH}`,
    params: {
      to: request.to,
      types: [...request.types],
      take: request.limit + 1,
      contexts: request.context === null ? null : contextsApplyingIn(request.context),
    },
  };
}

import type { PathRequest } from "../../store/store.types.js";
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

/** Simple paths ending at `to` that start at a root: a concept with no incoming relation of the types. */
export function rootPathsQuery(request: { to: string; types: readonly string[]; maxHops: number; limit: number }): CypherQuery {
  const rel = `rels${hopRange(request.maxHops)}`;
  return {
    cypher: `
      MATCH (t:Concept {id: $to})
      MATCH p = (root:Concept)-[${rel}]->(t)
      WHERE all(r IN rels WHERE type(r) IN $types) AND ${simplePathPredicate("p")}
        AND NOT EXISTS { MATCH (:Concept)-[r2]->(root) WHERE type(r2) IN $types }
      WITH p, ${pathRankColumns("rels")}
      ORDER BY hops, evidence DESC, key
      LIMIT toInteger($take)
      ${RETURN_PATH}`,
    params: { to: request.to, types: [...request.types], take: request.limit + 1 },
  };
}

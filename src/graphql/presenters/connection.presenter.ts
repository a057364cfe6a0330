import type { ConnectionResult, RelationLinkResult } from "../../services/service-results.types.js";

/** Shapes a relation connection as GraphQL wants it: the relation is the edge's node, the neighbour rides on the edge. */
export function presentRelationConnection(connection: ConnectionResult<RelationLinkResult>) {
  return {
    edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.relation, neighbor: e.node.neighbor, direction: e.node.direction })),
    nodes: connection.nodes.map((n) => n.relation),
    pageInfo: connection.pageInfo,
    totalCount: connection.totalCount,
  };
}

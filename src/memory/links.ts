import type { RelationType } from "../domain/relation-type.js";
import { relationAppliesIn } from "../domain/context-scope.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import { compareLinks } from "../store/record-order.js";
import type { Direction, Link, LinkRequest, RelationPage, RelationPageRequest } from "../store/store.types.js";
import type { ConceptGraph } from "./graph-index.js";

/** One Link per (relation, direction) touching the concept, of the given types (null = all); unordered. */
export function incidentLinks(graph: ConceptGraph, conceptId: string, direction: Direction, types: readonly RelationType[] | null): Link[] {
  if (!graph.hasNode(conceptId)) return [];
  const links: Link[] = [];
  const typeOk = (type: RelationType): boolean => types === null || types.includes(type);
  if (direction !== "in") {
    graph.forEachOutEdge(conceptId, (_id, { relation }, _from, to) => {
      if (typeOk(relation.type)) links.push({ relation, concept: graph.getNodeAttributes(to).concept, direction: "out" });
    });
  }
  if (direction !== "out") {
    graph.forEachInEdge(conceptId, (_id, { relation }, from) => {
      if (typeOk(relation.type)) links.push({ relation, concept: graph.getNodeAttributes(from).concept, direction: "in" });
    });
  }
  return links;
}

/** The one-hop links of a request: neighbour kinds and the context filter too (relationAppliesIn); ordered by compareLinks. */
export function linksOf(graph: ConceptGraph, request: LinkRequest): Link[] {
  return incidentLinks(graph, request.conceptId, request.direction, request.types)
    .filter((l) => request.kinds === null || request.kinds.includes(l.concept.kind))
    .filter((l) => relationAppliesIn(l.relation.qualifiers.context, request.context))
    .sort(compareLinks);
}

/** One page of a concept's relations by (relation id, direction), strictly after the cursor id; the total ignores the cursor. */
export function relationPageOf(graph: ConceptGraph, request: RelationPageRequest): RelationPage {
  const all = incidentLinks(graph, request.conceptId, request.direction, request.types).sort(
    (a, b) => compareCodeUnits(a.relation.id, b.relation.id) || compareCodeUnits(a.direction, b.direction),
  );
  const after = request.after;
  const remaining = after === null ? all : all.filter((l) => l.relation.id > after);
  return { items: remaining.slice(0, request.limit), hasMore: remaining.length > request.limit, totalCount: all.length };
}

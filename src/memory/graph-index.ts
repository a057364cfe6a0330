import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph, Relation } from "../domain/knowledge-graph.model.js";
import { QUALIFIER_KEYS, type Qualifiers } from "../domain/qualifier.js";
import type { ConceptRecord, EvidenceRecord, RelationRecord, SourceRecord } from "../store/store.types.js";

// Type aliases, not interfaces: graphology attribute types need an index signature.
export type ConceptAttributes = { readonly concept: ConceptRecord };
export type RelationAttributes = { readonly relation: RelationRecord };
export type ConceptGraph = MultiDirectedGraph<ConceptAttributes, RelationAttributes>;

/** The validated graph held in memory: one multigraph (node key = concept id, edge key = relation id) plus lookups. */
export interface GraphIndex {
  readonly graph: ConceptGraph;
  /** Loaded relations in seed order. */
  readonly relations: readonly RelationRecord[];
  readonly evidenceByRelation: ReadonlyMap<string, readonly EvidenceRecord[]>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
}

/** Builds the index; relations whose ends are not concepts are dropped, as the Neo4j loader's MATCH drops them. */
export function buildGraphIndex(knowledge: KnowledgeGraph): GraphIndex {
  const graph: ConceptGraph = new MultiDirectedGraph<ConceptAttributes, RelationAttributes>();
  for (const concept of knowledge.concepts) graph.mergeNode(concept.id, { concept });
  const relations: RelationRecord[] = [];
  const evidenceByRelation = new Map<string, readonly EvidenceRecord[]>();
  for (const relation of knowledge.relations) {
    if (!graph.hasNode(relation.from) || !graph.hasNode(relation.to) || graph.hasEdge(relation.id)) continue;
    const record = toRelationRecord(relation);
    graph.addEdgeWithKey(relation.id, relation.from, relation.to, { relation: record });
    relations.push(record);
    evidenceByRelation.set(relation.id, relation.evidence);
  }
  return { graph, relations, evidenceByRelation, sources: new Map(knowledge.sources.map((s) => [s.id, s])) };
}

/** The concept with this id, or null. */
export function conceptOf(index: GraphIndex, id: string): ConceptRecord | null {
  return index.graph.hasNode(id) ? index.graph.getNodeAttributes(id).concept : null;
}

/** The relation with this id, or null. */
export function relationOf(index: GraphIndex, id: string): RelationRecord | null {
  return index.graph.hasEdge(id) ? index.graph.getEdgeAttributes(id).relation : null;
}

/** The store record of a seed relation; qualifiers keep only the keys that carry a value, like the Neo4j mapper. */
export function toRelationRecord(relation: Relation): RelationRecord {
  const qualifiers: Record<string, string> = {};
  for (const key of QUALIFIER_KEYS) {
    const value = relation.qualifiers[key];
    if (value !== undefined && value !== null) qualifiers[key] = value;
  }
  return {
    id: relation.id,
    type: relation.type,
    from: relation.from,
    to: relation.to,
    qualifiers: qualifiers as Qualifiers,
    evidenceCount: relation.evidence.length,
    dataset: relation.dataset,
  };
}

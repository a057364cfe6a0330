import { CONCEPT_KIND_INFO } from "../domain/concept-kind.js";
import type { Concept, Relation } from "../domain/knowledge-graph.model.js";
import { RELATION_TYPE_INFO } from "../domain/relation-type.js";
import { locatorText } from "./locator-text.js";

/**
 * The flat attributes the drawing formats (GraphML, Cytoscape JSON) give each node and edge:
 * scalars only, since Gephi, yEd and Cytoscape read typed scalar columns. Lists are joined with
 * "; " and the evidence travels as a JSON string.
 */

export type AttributeValue = string | number;

/** Node attribute names with their types, in file order. */
export const NODE_ATTRIBUTES = [
  ["label", "string"], ["kind", "string"], ["category", "string"], ["summary", "string"], ["synonyms", "string"],
  ["xrefs", "string"], ["dataset", "string"], ["modality", "string"], ["urgency", "string"],
] as const;

/** Edge attribute names with their types, in file order. */
export const EDGE_ATTRIBUTES = [
  ["type", "string"], ["predicate", "string"], ["knowledge_level", "string"], ["agent_type", "string"],
  ["primary_knowledge_source", "string"], ["context", "string"], ["frequency", "string"], ["onset", "string"],
  ["severity", "string"], ["course", "string"], ["applies_when", "string"], ["timing", "string"], ["evidence_count", "int"], ["evidence", "string"],
] as const;

/** A concept's drawing attributes; unset ones are left out. */
export function nodeAttributes(concept: Concept): Record<string, AttributeValue> {
  const all: Record<string, AttributeValue | null> = {
    label: concept.name,
    kind: concept.kind,
    category: CONCEPT_KIND_INFO[concept.kind].biolinkCategory,
    summary: concept.summary,
    synonyms: concept.synonyms.join("; "),
    xrefs: concept.xrefs.map((x) => x.curie).join("; "),
    dataset: concept.dataset,
    modality: concept.modality,
    urgency: concept.urgency,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, AttributeValue] => e[1] !== null && e[1] !== ""));
}

/** A relation's drawing attributes, with its evidence (claim, source, locator) as a JSON list. */
export function edgeAttributes(relation: Relation): Record<string, AttributeValue> {
  const first = relation.evidence[0];
  const all: Record<string, AttributeValue | null | undefined> = {
    type: relation.type,
    predicate: RELATION_TYPE_INFO[relation.type].biolinkPredicate,
    knowledge_level: first?.knowledgeLevel,
    agent_type: first?.agentType,
    primary_knowledge_source: first === undefined ? null : `infores:${first.sourceId}`,
    context: relation.qualifiers.context,
    frequency: relation.qualifiers.frequency,
    onset: relation.qualifiers.onset,
    severity: relation.qualifiers.severity,
    course: relation.qualifiers.course,
    applies_when: relation.qualifiers.appliesWhen,
    timing: relation.qualifiers.timing,
    evidence_count: relation.evidence.length,
    evidence: JSON.stringify(
      relation.evidence.map((e) => ({ claim: e.claim, reasoning: e.reasoning, source: e.sourceId, citedSource: e.citedSourceId, locator: locatorText(e.locator), knowledgeLevel: e.knowledgeLevel, agentType: e.agentType })),
    ),
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, AttributeValue] => e[1] !== null && e[1] !== undefined));
}

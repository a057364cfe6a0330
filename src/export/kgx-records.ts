import { CONCEPT_KIND_INFO } from "../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation, Source } from "../domain/knowledge-graph.model.js";
import { QUALIFIER_BIOLINK_SLOT, QUALIFIER_KEYS, type QualifierKey } from "../domain/qualifier.js";
import { RELATION_TYPE_INFO } from "../domain/relation-type.js";
import { conceptCurie, sourceCurie } from "./export-ids.js";
import { locatorText } from "./locator-text.js";
import { pipeSafeJson } from "./text-cells.js";

/**
 * KGX node and edge records (Biolink slots plus our own `kg_*` properties, which KGX carries as
 * they are). The Biolink slots are what other tools read; the `kg_*` ones keep what Biolink has no
 * slot for, so the export can be read back into the same graph.
 */

export type KgxValue = string | number | readonly string[];
export type KgxRecord = Readonly<Record<string, KgxValue>>;

/** Node columns in file order; the list-valued ones are KGX_LIST_COLUMNS. */
export const KGX_NODE_COLUMNS = [
  "id", "category", "name", "description", "synonym", "xref", "provided_by",
  "kg_kind", "kg_modality", "kg_urgency", "kg_dataset", "kg_xref_match", "kg_mentions",
] as const;

/**
 * The edge column of a qualifier: its Biolink slot without the prefix, or our own `kg_` column
 * (snake case) where Biolink has none, e.g. appliesWhen in kg_applies_when.
 */
export function qualifierColumn(key: QualifierKey): string {
  const slot = QUALIFIER_BIOLINK_SLOT[key];
  return slot === null ? `kg_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` : slot.replace(/^biolink:/, "");
}

const QUALIFIER_COLUMNS = QUALIFIER_KEYS.filter((k) => QUALIFIER_BIOLINK_SLOT[k] !== null).map(qualifierColumn);
const KG_QUALIFIER_COLUMNS = QUALIFIER_KEYS.filter((k) => QUALIFIER_BIOLINK_SLOT[k] === null).map(qualifierColumn);

/** Edge columns in file order. */
export const KGX_EDGE_COLUMNS = [
  "id", "subject", "predicate", "object", "knowledge_level", "agent_type", "primary_knowledge_source",
  ...QUALIFIER_COLUMNS, "kg_type", "kg_dataset", ...KG_QUALIFIER_COLUMNS, "kg_evidence",
] as const;

/** Columns holding lists: "|"-joined in TSV, arrays in JSON Lines. */
export const KGX_LIST_COLUMNS: ReadonlySet<string> = new Set([
  "category", "synonym", "xref", "provided_by", "kg_xref_match", "kg_mentions", "kg_evidence",
]);

function compact(record: Record<string, KgxValue | null | undefined>): KgxRecord {
  const out: Record<string, KgxValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

function conceptNode(concept: Concept): KgxRecord {
  return compact({
    id: conceptCurie(concept.id),
    category: [CONCEPT_KIND_INFO[concept.kind].biolinkCategory],
    name: concept.name,
    description: concept.summary,
    synonym: concept.synonyms,
    xref: concept.xrefs.map((x) => x.curie),
    provided_by: [...new Set(concept.mentions.map((m) => sourceCurie(m.sourceId)))],
    kg_kind: concept.kind,
    kg_modality: concept.modality,
    kg_urgency: concept.urgency,
    kg_dataset: concept.dataset,
    kg_xref_match: concept.xrefs.map((x) => x.match),
    kg_mentions: concept.mentions.map(locatorText),
  });
}

function relationEdge(relation: Relation): KgxRecord {
  const info = RELATION_TYPE_INFO[relation.type];
  const first = relation.evidence[0];
  if (first === undefined) throw new Error(`relation ${relation.id} has no evidence`);
  const qualifiers = Object.fromEntries(QUALIFIER_KEYS.map((key) => [qualifierColumn(key), relation.qualifiers[key]]));
  return compact({
    id: conceptCurie(relation.id),
    subject: conceptCurie(relation.from),
    predicate: info.biolinkPredicate,
    object: conceptCurie(relation.to),
    // Biolink gives an edge one knowledge level and agent type; each evidence record keeps its own in kg_evidence.
    knowledge_level: first.knowledgeLevel,
    agent_type: first.agentType,
    primary_knowledge_source: sourceCurie(first.sourceId),
    kg_type: relation.type,
    kg_dataset: relation.dataset,
    ...qualifiers,
    kg_evidence: relation.evidence.map((e) =>
      pipeSafeJson({
        id: e.id,
        claim: e.claim,
        reasoning: e.reasoning,
        source: sourceCurie(e.sourceId),
        cited_source: e.citedSourceId === null ? null : sourceCurie(e.citedSourceId),
        locator: locatorText(e.locator),
        knowledge_level: e.knowledgeLevel,
        agent_type: e.agentType,
      }),
    ),
  });
}

/**
 * Our sources as information resources (`infores:` ids). Biolink has no node for them (kgx validate
 * rejects `infores:` node ids), so they travel beside the KGX files, in sources.json.
 */
export function kgxSources(sources: readonly Source[]): unknown[] {
  return sources.map((s) => ({
    id: sourceCurie(s.id),
    kind: s.kind,
    name: s.title,
    description: s.description,
    cited_by: s.citedBy === null ? null : sourceCurie(s.citedBy),
    text_file: s.textFile,
    length: s.length,
    sha256: s.sha256,
    sections: s.sections.map((sec) => ({ id: sec.id, heading: sec.heading, label: sec.label, start: sec.start, end: sec.end })),
  }));
}

/** The graph as KGX records: one node per concept, one edge per relation. */
export function kgxRecords(graph: KnowledgeGraph): { nodes: KgxRecord[]; edges: KgxRecord[] } {
  return { nodes: graph.concepts.map(conceptNode), edges: graph.relations.map(relationEdge) };
}

import type { Concept, Evidence, Locator, Relation } from "./knowledge-graph.model.js";
import type { ConceptEntry, RelationEntry } from "./seed-schema.js";

/**
 * The domain model written back as seed entries, the shape the seed validator reads. Optional fields
 * the model keeps as null are left out, as a curator would leave them out of the YAML.
 */

type LocatorEntry = { source: string; section: string; span: [number, number] };

/** A locator as the seed writes it: source, section and [start, end] span. */
export function locatorEntry(locator: Locator): LocatorEntry {
  return { source: locator.sourceId, section: locator.sectionId, span: [locator.start, locator.end] };
}

/** A concept as a seed entry. */
export function conceptEntry(concept: Concept): ConceptEntry {
  return {
    id: concept.id,
    kind: concept.kind,
    name: concept.name,
    synonyms: [...concept.synonyms],
    summary: concept.summary,
    xrefs: concept.xrefs.map((x) => ({ curie: x.curie, match: x.match })),
    mentions: concept.mentions.map(locatorEntry),
    ...(concept.modality === null ? {} : { modality: concept.modality }),
    ...(concept.urgency === null ? {} : { urgency: concept.urgency }),
  };
}

/** One evidence record as the seed writes it inside its relation. */
export function evidenceEntry(evidence: Evidence): RelationEntry["evidence"][number] {
  return {
    ...locatorEntry(evidence.locator),
    ...(evidence.citedSourceId === null ? {} : { citedSource: evidence.citedSourceId }),
    claim: evidence.claim,
    ...(evidence.reasoning === null ? {} : { reasoning: evidence.reasoning }),
    knowledgeLevel: evidence.knowledgeLevel,
    agentType: evidence.agentType,
  };
}

/** A relation with its evidence, in order, as a seed entry. */
export function relationEntry(relation: Relation): RelationEntry {
  const qualifiers = Object.fromEntries(Object.entries(relation.qualifiers).filter(([, v]) => v !== null && v !== undefined));
  return {
    id: relation.id,
    type: relation.type,
    from: relation.from,
    to: relation.to,
    qualifiers,
    evidence: relation.evidence.map(evidenceEntry),
  };
}

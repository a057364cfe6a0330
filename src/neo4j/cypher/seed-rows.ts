import { CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import type { Concept, Evidence, Relation, Source } from "../../domain/knowledge-graph.model.js";
import { QUALIFIER_KEYS } from "../../domain/qualifier.js";
import { conceptSortKey } from "../../domain/concept-sort-key.js";
import { conceptSearchText, evidenceSearchText, sourceSearchText } from "../../domain/search-text.js";

// One place that decides what each stored node and relationship holds, so the MERGE load and the
// batched load write byte-identical graphs.

/** The stored properties of a source and of each of its sections. */
export function sourceRow(s: Source) {
  return {
    props: {
      id: s.id,
      kind: s.kind,
      title: s.title,
      description: s.description,
      citedBy: s.citedBy,
      textFile: s.textFile,
      length: s.length,
      sha256: s.sha256,
      // The normalised words the in-process ranking reads (title, kind, description), for the source search index.
      searchText: sourceSearchText(s),
    },
    sections: s.sections.map((sec, position) => ({
      key: `${s.id}#${sec.id}`,
      id: sec.id,
      sourceId: s.id,
      heading: sec.heading,
      label: sec.label,
      start: sec.start,
      end: sec.end,
      position,
    })),
  };
}

/** The stored properties of a concept node. */
export function conceptRow(c: Concept) {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    nameSort: conceptSortKey(c.name),
    synonyms: [...c.synonyms],
    synonymsSort: c.synonyms.map(conceptSortKey),
    synonymsText: c.synonyms.join(" | "),
    summary: c.summary,
    searchText: conceptSearchText(c),
    biolinkCategory: CONCEPT_KIND_INFO[c.kind].biolinkCategory,
    modality: c.modality,
    urgency: c.urgency,
    dataset: c.dataset,
  };
}

/** A concept's cross-references, with their position in the seed. */
export function xrefRow(c: Concept) {
  return {
    id: c.id,
    xrefs: c.xrefs.map((x, position) => ({ curie: x.curie, prefix: x.prefix, localId: x.localId, match: x.match, position })),
  };
}

/** A concept's mentions in its sources, each with a stable key. */
export function mentionRow(c: Concept) {
  return {
    id: c.id,
    mentions: c.mentions.map((m, position) => ({
      sourceId: m.sourceId,
      sectionId: m.sectionId,
      start: m.start,
      end: m.end,
      position,
      key: `${m.sourceId}|${m.sectionId}|${m.start}|${m.end}`,
    })),
  };
}

/** A relation's ends and stored properties (absent qualifiers as null, which Neo4j does not store). */
export function relationRow(r: Relation) {
  return {
    from: r.from,
    to: r.to,
    props: {
      id: r.id,
      dataset: r.dataset,
      evidenceCount: r.evidence.length,
      ...Object.fromEntries(QUALIFIER_KEYS.map((k) => [k, r.qualifiers[k] ?? null])),
    },
  };
}

/**
 * The stored properties of one evidence record of relation `relationId`, but for its id and position: the seed
 * numbers its records in order, curation after the relation's last one.
 */
export function evidenceProps(e: Omit<Evidence, "id">, relationId: string) {
  return {
    relationId,
    claim: e.claim,
    // The claim's normalised words, for the evidence search index (same words the in-process ranking sees).
    searchText: evidenceSearchText(e),
    reasoning: e.reasoning,
    knowledgeLevel: e.knowledgeLevel,
    agentType: e.agentType,
    sourceId: e.sourceId,
    citedSourceId: e.citedSourceId,
    sectionId: e.locator.sectionId,
    start: e.locator.start,
    end: e.locator.end,
  };
}

/** The stored evidence nodes of one relation, in seed order. */
export function evidenceRows(r: Relation) {
  return r.evidence.map((e, position) => ({ props: { id: e.id, position, ...evidenceProps(e, r.id) } }));
}

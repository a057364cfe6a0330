import type { z } from "zod";
import { CONCEPT_KINDS } from "../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation, Source } from "../domain/knowledge-graph.model.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import { QUALIFIER_KEYS } from "../domain/qualifier.js";
import type { conceptEntrySchema, relationEntrySchema, sourceEntrySchema } from "../domain/seed-schema.js";
import type { Tour } from "../domain/tour.model.js";
import type { tourEntrySchema } from "../domain/tour-schema.js";

/** Seed entries as a person writes them: optional fields absent rather than empty. */
export type SourceSeedEntry = z.input<typeof sourceEntrySchema>;
export type ConceptSeedEntry = z.input<typeof conceptEntrySchema>;
export type RelationSeedEntry = z.input<typeof relationEntrySchema>;
export type TourSeedEntry = z.input<typeof tourEntrySchema>;
export type Attribution = NonNullable<SourceSeedEntry["attributions"]>[number];

/** One dataset folder's entries, each list in the order its file lists them. */
export interface SeedDataset {
  readonly name: string;
  readonly sources: readonly SourceSeedEntry[];
  readonly concepts: readonly ConceptSeedEntry[];
  readonly relations: readonly RelationSeedEntry[];
  readonly tours: readonly TourSeedEntry[];
}

/** What the graph does not hold and a previous seed may supply. */
export interface SeedEntryHints {
  /** Passages a source attributes to sources it cites (the loader does not store them in Neo4j). */
  readonly attributionsOf?: (sourceId: string) => readonly Attribution[] | undefined;
  /** The dataset folder a source belongs in (Neo4j keeps no dataset on sources). */
  readonly datasetOfSource?: (sourceId: string) => string | undefined;
}

/**
 * Turns the domain graph back into seed entries, one dataset per folder, in the seed's conventions:
 * keys in the order graph-seed/README.md documents them, optional fields left out when empty,
 * concepts grouped by kind (in the kinds table's order) then by id, relations by id, sources by id,
 * tours by position. Sources go to the dataset the hints name, else the first (by name) whose
 * concepts or evidence refer to them, else the first dataset.
 */
export function graphToSeedDatasets(graph: KnowledgeGraph, hints: SeedEntryHints = {}): SeedDataset[] {
  const names = new Set<string>([...graph.concepts, ...graph.relations, ...graph.tours].map((x) => x.dataset));
  const referring = datasetsReferringToSources(graph);
  const sourceDataset = (s: Source): string => {
    const hinted = hints.datasetOfSource?.(s.id);
    if (hinted !== undefined) return hinted;
    const first = [...(referring.get(s.id) ?? [])].sort(compareCodeUnits)[0];
    return first ?? [...names].sort(compareCodeUnits)[0] ?? "graph";
  };
  const placedSources = graph.sources.map((s) => ({ dataset: sourceDataset(s), entry: toSourceEntry(s, hints.attributionsOf?.(s.id)) }));
  for (const s of placedSources) names.add(s.dataset);
  const kindRank = new Map<string, number>(CONCEPT_KINDS.map((k, i) => [k, i]));
  return [...names].sort(compareCodeUnits).map((name) => ({
    name,
    sources: placedSources.filter((s) => s.dataset === name).map((s) => s.entry).sort((a, b) => compareCodeUnits(a.id, b.id)),
    concepts: graph.concepts
      .filter((c) => c.dataset === name)
      .sort((a, b) => kindRank.get(a.kind)! - kindRank.get(b.kind)! || compareCodeUnits(a.id, b.id))
      .map(toConceptEntry),
    relations: graph.relations.filter((r) => r.dataset === name).sort((a, b) => compareCodeUnits(a.id, b.id)).map(toRelationEntry),
    tours: graph.tours.filter((t) => t.dataset === name).sort((a, b) => a.position - b.position).map(toTourEntry),
  }));
}

function datasetsReferringToSources(graph: KnowledgeGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sourceId: string, dataset: string): void => {
    const set = out.get(sourceId) ?? new Set<string>();
    set.add(dataset);
    out.set(sourceId, set);
  };
  for (const c of graph.concepts) for (const m of c.mentions) add(m.sourceId, c.dataset);
  for (const r of graph.relations) {
    for (const e of r.evidence) {
      add(e.sourceId, r.dataset);
      if (e.citedSourceId !== null) add(e.citedSourceId, r.dataset);
    }
  }
  return out;
}

/** A source as sources.yaml lists it; a section's label is left out where it only repeats the heading. */
export function toSourceEntry(s: Source, attributions?: readonly Attribution[]): SourceSeedEntry {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    description: s.description,
    ...(s.citedBy === null ? {} : { citedBy: s.citedBy }),
    ...(s.textFile === null ? {} : { textFile: s.textFile }),
    ...(s.length === null ? {} : { length: s.length }),
    ...(s.sha256 === null ? {} : { sha256: s.sha256 }),
    ...(s.sections.length === 0
      ? {}
      : {
          sections: s.sections.map((sec) => ({
            id: sec.id,
            heading: sec.heading,
            ...(sec.heading !== null && sec.label === sec.heading ? {} : { label: sec.label }),
            span: [sec.start, sec.end] as [number, number],
          })),
        }),
    ...(attributions === undefined || attributions.length === 0
      ? {}
      : { attributions: attributions.map((a) => ({ span: [a.span[0], a.span[1]] as [number, number], citedSource: a.citedSource })) }),
  };
}

/** A concept as concepts.yaml lists it (modality or urgency right after the kind). */
export function toConceptEntry(c: Concept): ConceptSeedEntry {
  return {
    id: c.id,
    kind: c.kind,
    ...(c.modality === null ? {} : { modality: c.modality }),
    ...(c.urgency === null ? {} : { urgency: c.urgency }),
    name: c.name,
    ...(c.synonyms.length === 0 ? {} : { synonyms: [...c.synonyms] }),
    summary: c.summary,
    ...(c.xrefs.length === 0 ? {} : { xrefs: c.xrefs.map((x) => ({ curie: x.curie, match: x.match })) }),
    mentions: c.mentions.map((m) => ({ source: m.sourceId, section: m.sectionId, span: [m.start, m.end] as [number, number] })),
  };
}

/** A relation as relations.yaml lists it, qualifiers in the documented order. */
export function toRelationEntry(r: Relation): RelationSeedEntry {
  const qualifiers = Object.fromEntries(QUALIFIER_KEYS.filter((k) => r.qualifiers[k] !== undefined).map((k) => [k, r.qualifiers[k]]));
  return {
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    ...(Object.keys(qualifiers).length === 0 ? {} : { qualifiers }),
    evidence: r.evidence.map((e) => ({
      source: e.sourceId,
      ...(e.citedSourceId === null ? {} : { citedSource: e.citedSourceId }),
      section: e.locator.sectionId,
      span: [e.locator.start, e.locator.end] as [number, number],
      claim: e.claim,
      ...(e.reasoning === null ? {} : { reasoning: e.reasoning }),
      knowledgeLevel: e.knowledgeLevel,
      agentType: e.agentType,
    })),
  };
}

/** A guided tour as tours.yaml lists it, steps in position order. */
export function toTourEntry(t: Tour): TourSeedEntry {
  return {
    id: t.id,
    title: t.title,
    summary: t.summary,
    ...(t.audience === null ? {} : { audience: t.audience }),
    steps: t.steps.map((s) => ({
      title: s.title,
      narrative: s.narrative,
      concepts: [...s.conceptIds],
      ...(s.relationIds.length === 0 ? {} : { relations: [...s.relationIds] }),
      ...(s.focusId === null ? {} : { focus: s.focusId }),
    })),
  };
}

import type { KnowledgeGraph } from "./knowledge-graph.model.js";
import { conceptEntry, relationEntry } from "./seed-entries.js";
import type { ConceptEntry, RelationEntry } from "./seed-schema.js";
import { validateSeed, type SeedFileInput, type SourceTextInput } from "./seed-validator.js";

/**
 * A write through the API is checked by the seed validator itself: the current graph is written back
 * as seed entries, the write is applied to them, and the whole result is validated exactly as
 * `npm run seed` would validate it (ids, kinds, relation ends, CURIEs, spans, the no-copying rule,
 * knowledge levels, attribution). The written entry goes in a file of its own, so the problems that
 * concern it can be told apart and named after the input field.
 */

/** What the validator needs besides the curated concepts and relations. */
export interface CurationReference {
  /**
   * The seed's sources and tours files. Sources are not curated through the API, and the seed keeps
   * what the database does not (a source's attributed passages); tours must keep pointing at live relations.
   */
  readonly files: readonly SeedFileInput[];
  /** Source texts by file name, for the span and no-copying checks. */
  readonly sourceTexts: ReadonlyMap<string, SourceTextInput>;
}

/**
 * The write as the validator sees it: entries taken out of the current graph, and the entry written.
 * An update takes the old entry out and writes the new one; a create takes nothing out, so a taken id
 * is reported as a duplicate.
 */
export interface ProposedWrite {
  readonly removeConceptId?: string;
  readonly removeRelationId?: string;
  readonly concept?: ConceptEntry;
  readonly relation?: RelationEntry;
  /** The dataset the written entry belongs to. */
  readonly dataset: string;
}

/** One problem of a proposed write; `inWrittenEntry` when it concerns the entry the write puts in. */
export interface CurationProblem {
  readonly inWrittenEntry: boolean;
  /** The seed file kind and entry the problem was found in, for problems elsewhere. */
  readonly where: string;
  readonly entryId: string | null;
  /** Seed field path inside the entry, e.g. "evidence[0].span". */
  readonly field: string;
  readonly reason: string;
}

const WRITTEN_CONCEPT_FILE = "(written concept)";
const WRITTEN_RELATION_FILE = "(written relation)";

/** The validator's verdict: the graph the write leaves, normalised as the seed loader would get it, or every problem. */
export type CurationCheck = { readonly ok: true; readonly graph: KnowledgeGraph } | { readonly ok: false; readonly problems: readonly CurationProblem[] };

/** Validates the graph the write would leave with the seed validator. */
export function checkCuration(reference: CurationReference, graph: KnowledgeGraph, write: ProposedWrite): CurationCheck {
  const files: SeedFileInput[] = [...reference.files.filter((f) => f.kind === "sources" || f.kind === "tours")];
  const datasets = new Set([...graph.concepts.map((c) => c.dataset), ...graph.relations.map((r) => r.dataset)]);
  for (const dataset of [...datasets].sort()) {
    const concepts = graph.concepts.filter((c) => c.dataset === dataset && c.id !== write.removeConceptId);
    const relations = graph.relations.filter((r) => r.dataset === dataset && r.id !== write.removeRelationId);
    files.push({ path: `${dataset}/concepts`, dataset, kind: "concepts", data: { concepts: concepts.map(conceptEntry) } });
    files.push({ path: `${dataset}/relations`, dataset, kind: "relations", data: { relations: relations.map(relationEntry) } });
  }
  // The written entries come last, so problems found between two entries (duplicates, a second exact match) land on them.
  if (write.concept !== undefined) files.push({ path: WRITTEN_CONCEPT_FILE, dataset: write.dataset, kind: "concepts", data: { concepts: [write.concept] } });
  if (write.relation !== undefined) files.push({ path: WRITTEN_RELATION_FILE, dataset: write.dataset, kind: "relations", data: { relations: [write.relation] } });
  const result = validateSeed({ files, sourceTexts: reference.sourceTexts });
  if (result.ok) return { ok: true, graph: result.graph };
  const problems = result.issues.map((issue) => ({
    inWrittenEntry: issue.file === WRITTEN_CONCEPT_FILE || issue.file === WRITTEN_RELATION_FILE,
    where: issue.file,
    entryId: issue.entryId,
    field: issue.field,
    reason: issue.reason,
  }));
  return { ok: false, problems };
}

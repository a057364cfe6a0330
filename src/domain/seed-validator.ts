import type { z } from "zod";
import { parseCurie, type CrossReference } from "./cross-reference.js";
import type { Concept, Evidence, KnowledgeGraph, Locator, Relation, Source } from "./knowledge-graph.model.js";
import { RELATION_TYPE_INFO } from "./relation-type.js";
import {
  seedFileSchemas,
  type ConceptEntry,
  type RelationEntry,
  type SeedFileKind,
  type SourceEntry,
} from "./seed-schema.js";
import { attributionProblems, knowledgeLevelProblems, missingCitationProblems } from "./seed-fidelity-rules.js";
import type { SeedIssue } from "./seed-issue.js";
import { VERBATIM_WORD_LIMIT, copiedWordsReason, findVerbatimRun, spanBoundaryProblem, wordRuns } from "./source-text.js";
import type { TourEntry } from "./tour-schema.js";
import { buildTours, checkTour } from "./tour-validator.js";

export type SeedPath = readonly (string | number)[];

export interface SeedFileInput {
  /** Path shown in messages, e.g. "graph-seed/back-muscle-spasm/relations.yaml". */
  readonly path: string;
  readonly dataset: string;
  readonly kind: SeedFileKind;
  /** The parsed file content. */
  readonly data: unknown;
  /** 1-based line of the node at a path inside the file, when the reader knows it. */
  readonly lineOf?: (path: SeedPath) => number | undefined;
}

export interface SourceTextInput {
  readonly text: string;
  readonly sha256: string;
}

export interface SeedInput {
  readonly files: readonly SeedFileInput[];
  /** Source texts by their textFile name; a missing text limits span checks to the declared length. */
  readonly sourceTexts: ReadonlyMap<string, SourceTextInput>;
}

export type SeedValidation =
  | { readonly ok: true; readonly graph: KnowledgeGraph; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly issues: readonly SeedIssue[]; readonly warnings: readonly string[] };

interface Located<T> {
  readonly entry: T;
  readonly file: SeedFileInput;
  readonly index: number;
}

const COLLECTION: Record<SeedFileKind, string> = { sources: "sources", concepts: "concepts", relations: "relations", tours: "tours" };

/**
 * Validates every seed file and the references between them, reporting all problems at once;
 * returns the normalised graph only when there are none.
 */
export function validateSeed(input: SeedInput): SeedValidation {
  const issues: SeedIssue[] = [];
  const warnings: string[] = [];
  const sources: Located<SourceEntry>[] = [];
  const concepts: Located<ConceptEntry>[] = [];
  const relations: Located<RelationEntry>[] = [];
  const tours: Located<TourEntry>[] = [];

  // Ids of entries that failed their own checks: references to them are not reported again as dangling.
  const invalidIds = new Set<string>();
  for (const file of input.files) {
    const parsed = seedFileSchemas[file.kind].safeParse(file.data ?? {});
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) issues.push(fromZodIssue(file, zodIssue));
    }
    const entries = collectValidEntries(file, parsed.success ? parsed.data : undefined, invalidIds);
    // One push per entry: spreading a file of a million entries into push() overflows the call stack.
    const into = { sources, concepts, relations, tours }[file.kind] as Located<unknown>[];
    for (const entry of entries) into.push(entry);
  }

  const report = (at: Located<unknown> & { entry: { id: string } }, field: SeedPath, reason: string): void => {
    issues.push(issueAt(at.file, at.index, at.entry.id, field, reason));
  };

  checkDuplicates(sources, "source", report);
  checkDuplicates(concepts, "concept", report);
  checkDuplicates(relations, "relation", report);
  checkDuplicates(tours, "tour", report);

  const sourceById = new Map(sources.map((s) => [s.entry.id, s]));
  const conceptById = new Map(concepts.map((c) => [c.entry.id, c]));
  const textRuns = new Map<string, Set<string>>();
  const allRuns = new Set<string>();

  const citedByOf = (id: string): string | null | undefined => {
    const found = sourceById.get(id);
    return found === undefined ? undefined : (found.entry.citedBy ?? null);
  };
  for (const s of sources) {
    checkSource(s, sourceById, input.sourceTexts, report, warnings);
    const text = s.entry.textFile === undefined ? undefined : input.sourceTexts.get(s.entry.textFile);
    for (const [field, reason] of attributionProblems(s.entry, citedByOf, text?.text)) report(s, field, reason);
    if (text !== undefined) {
      const runs = wordRuns(text.text, VERBATIM_WORD_LIMIT + 1);
      textRuns.set(s.entry.id, runs);
      for (const r of runs) allRuns.add(r);
    }
  }

  const locatorCheck = (at: Located<{ id: string }>, field: SeedPath, loc: { source: string; section: string; span: [number, number] }): void => {
    if (!sourceById.has(loc.source) && invalidIds.has(loc.source)) return;
    checkLocator(at, field, loc, sourceById, input.sourceTexts, report);
  };

  const exactXrefOwner = new Map<string, string>();
  for (const c of concepts) {
    checkConcept(c, exactXrefOwner, report);
    c.entry.mentions.forEach((m, i) => locatorCheck(c, ["mentions", i], m));
    const copied = findVerbatimRun(c.entry.summary, allRuns);
    if (copied !== null) report(c, ["summary"], verbatimReason(copied));
  }

  const relationSignatures = new Map<string, string>();
  for (const r of relations) {
    checkRelation(r, conceptById, invalidIds, relationSignatures, report);
    r.entry.evidence.forEach((e, i) => {
      locatorCheck(r, ["evidence", i], e);
      if (e.citedSource !== undefined) checkCitedSource(r, i, e.citedSource, e.source, sourceById, report);
      const fidelity = [...missingCitationProblems(e, sourceById.get(e.source)?.entry), ...knowledgeLevelProblems(e)];
      for (const [field, reason] of fidelity) report(r, ["evidence", i, ...field], reason);
      const runs = textRuns.get(e.source);
      for (const field of ["claim", "reasoning"] as const) {
        const wording = e[field];
        const copied = runs === undefined || wording === undefined ? null : findVerbatimRun(wording, runs);
        if (copied !== null) report(r, ["evidence", i, field], verbatimReason(copied));
      }
    });
  }

  const relationFiles = new Set(relations.map((r) => r.file.path));
  const tourRefs = {
    conceptIds: new Set(conceptById.keys()),
    relationEnds: new Map(relations.map((r) => [r.entry.id, r.entry])),
    invalidIds,
    flawedRelationIds: new Set(issues.filter((i) => relationFiles.has(i.file)).map((i) => i.entryId ?? "")),
    sourceRuns: allRuns,
  };
  for (const t of tours) checkTour(t, tourRefs, report);

  if (issues.length > 0) return { ok: false, issues: sortIssues(issues), warnings };
  const graph = buildGraph(sources, concepts, relations);
  return { ok: true, graph: { ...graph, tours: buildTours(tours.map((t) => ({ entry: t.entry, dataset: t.file.dataset }))) }, warnings };
}

const verbatimReason = copiedWordsReason;

function collectValidEntries(file: SeedFileInput, parsed: unknown, invalidIds: Set<string>): Located<unknown>[] {
  // When the file as a whole fails, keep the entries that pass on their own so cross-checks still run.
  const key = COLLECTION[file.kind];
  const schema = seedFileSchemas[file.kind].shape[key as never] as unknown as z.ZodArray<z.ZodType>;
  const list = parsed !== undefined ? (parsed as Record<string, unknown[]>)[key] : rawList(file.data, key);
  if (!Array.isArray(list)) return [];
  const out: Located<unknown>[] = [];
  list.forEach((item, index) => {
    if (parsed !== undefined) {
      out.push({ entry: item, file, index });
      return;
    }
    const one = schema.element.safeParse(item);
    if (one.success) out.push({ entry: one.data, file, index });
    else {
      const rawId = typeof item === "object" && item !== null ? (item as Record<string, unknown>)["id"] : undefined;
      if (typeof rawId === "string") invalidIds.add(rawId);
    }
  });
  return out;
}

function rawList(data: unknown, key: string): unknown[] | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : undefined;
}

function fromZodIssue(file: SeedFileInput, issue: z.core.$ZodIssue): SeedIssue {
  const path = issue.path as (string | number)[];
  const key = COLLECTION[file.kind];
  let reason = issue.message;
  if (issue.code === "unrecognized_keys") reason = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (path[0] === key && typeof path[1] === "number") {
    const index = path[1];
    const raw = rawList(file.data, key)?.[index];
    const rawId = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)["id"] : undefined;
    const entryId = typeof rawId === "string" && rawId !== "" ? rawId : `#${index + 1}`;
    return issueAt(file, index, entryId, path.slice(2), reason);
  }
  const line = file.lineOf?.(path);
  return {
    file: file.path,
    entryId: null,
    field: fieldName(path),
    reason: path.length === 0 && issue.code === "invalid_type" ? `the file must hold a "${key}:" list` : reason,
    ...(line === undefined ? {} : { line }),
  };
}

function issueAt(file: SeedFileInput, index: number, entryId: string, field: SeedPath, reason: string): SeedIssue {
  const line = file.lineOf?.([COLLECTION[file.kind], index, ...field]) ?? file.lineOf?.([COLLECTION[file.kind], index]);
  return { file: file.path, entryId, field: fieldName(field), reason, ...(line === undefined ? {} : { line }) };
}

function fieldName(path: SeedPath): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc === "" ? part : `${acc}.${part}`), "");
}

type Report = (at: Located<unknown> & { entry: { id: string } }, field: SeedPath, reason: string) => void;

function checkDuplicates<T extends { id: string }>(entries: Located<T>[], noun: string, report: Report): void {
  const first = new Map<string, Located<T>>();
  for (const e of entries) {
    const seen = first.get(e.entry.id);
    if (seen === undefined) first.set(e.entry.id, e);
    else report(e, ["id"], `duplicate ${noun} id; first defined in ${seen.file.path} (entry #${seen.index + 1})`);
  }
}

function checkSource(
  s: Located<SourceEntry>,
  sourceById: ReadonlyMap<string, Located<SourceEntry>>,
  texts: ReadonlyMap<string, SourceTextInput>,
  report: Report,
  warnings: string[],
): void {
  const { entry } = s;
  if (entry.citedBy !== undefined && !sourceById.has(entry.citedBy)) {
    report(s, ["citedBy"], `unknown source "${entry.citedBy}"`);
  }
  if (entry.textFile === undefined) {
    if (entry.sections !== undefined && entry.sections.length > 0) report(s, ["sections"], "sections need a textFile to point into");
    return;
  }
  if (entry.length === undefined) report(s, ["length"], "a source with a textFile must declare its length in characters");
  if (entry.sha256 === undefined) report(s, ["sha256"], "a source with a textFile must declare the SHA-256 of the text");
  const text = texts.get(entry.textFile);
  if (text === undefined) {
    warnings.push(`source "${entry.id}": text file ${entry.textFile} not found; spans checked against the declared length only`);
  } else {
    if (entry.sha256 !== undefined && text.sha256 !== entry.sha256) {
      report(s, ["sha256"], `the text of ${entry.textFile} has changed (SHA-256 ${text.sha256}); re-check every span before updating`);
    }
    if (entry.length !== undefined && text.text.length !== entry.length) {
      report(s, ["length"], `declared ${entry.length} characters but ${entry.textFile} has ${text.text.length}`);
    }
  }
  const sectionIds = new Set<string>();
  (entry.sections ?? []).forEach((sec, i) => {
    if (sectionIds.has(sec.id)) report(s, ["sections", i, "id"], `duplicate section id "${sec.id}"`);
    sectionIds.add(sec.id);
    const [start, end] = sec.span;
    if (entry.length !== undefined && end > entry.length) {
      report(s, ["sections", i, "span"], `span [${start}, ${end}] runs past the end of the text (${entry.length} characters)`);
    }
    if (sec.heading === null && sec.label === undefined) report(s, ["sections", i, "label"], "a section without a heading needs a label");
    if (text !== undefined && sec.heading !== null && text.text.slice(start, start + sec.heading.length) !== sec.heading) {
      report(s, ["sections", i, "heading"], `the text at ${start} does not begin with the heading "${sec.heading}"`);
    }
  });
}

function checkLocator(
  at: Located<{ id: string }>,
  field: SeedPath,
  loc: { source: string; section: string; span: [number, number] },
  sourceById: ReadonlyMap<string, Located<SourceEntry>>,
  texts: ReadonlyMap<string, SourceTextInput>,
  report: Report,
): void {
  const source = sourceById.get(loc.source)?.entry;
  if (source === undefined) {
    report(at, [...field, "source"], `unknown source "${loc.source}"`);
    return;
  }
  if (source.textFile === undefined) {
    report(at, [...field, "source"], `source "${loc.source}" has no text to point into; cite it with citedSource instead`);
    return;
  }
  const section = source.sections?.find((s) => s.id === loc.section);
  if (section === undefined) {
    const known = (source.sections ?? []).map((s) => s.id).join(", ");
    report(at, [...field, "section"], `source "${loc.source}" has no section "${loc.section}" (known: ${known})`);
  }
  const [start, end] = loc.span;
  if (source.length !== undefined && end > source.length) {
    report(at, [...field, "span"], `span [${start}, ${end}] lies outside the source text (${source.length} characters)`);
    return;
  }
  if (section !== undefined && (start < section.span[0] || end > section.span[1])) {
    report(at, [...field, "span"], `span [${start}, ${end}] is not inside section "${section.id}" [${section.span[0]}, ${section.span[1]}]`);
  }
  const text = texts.get(source.textFile);
  if (text !== undefined) {
    const problem = spanBoundaryProblem(text.text, start, end);
    if (problem !== null) report(at, [...field, "span"], problem);
  }
}

function checkCitedSource(
  r: Located<RelationEntry>,
  index: number,
  cited: string,
  citing: string,
  sourceById: ReadonlyMap<string, Located<SourceEntry>>,
  report: Report,
): void {
  const source = sourceById.get(cited)?.entry;
  if (source === undefined) report(r, ["evidence", index, "citedSource"], `unknown source "${cited}"`);
  else if (source.citedBy !== citing) {
    report(r, ["evidence", index, "citedSource"], `source "${cited}" is not declared as cited by "${citing}" (set citedBy)`);
  }
}

function checkConcept(c: Located<ConceptEntry>, exactXrefOwner: Map<string, string>, report: Report): void {
  const { entry } = c;
  if (entry.kind === "treatment" && entry.modality === undefined) report(c, ["modality"], "a treatment needs a modality");
  if (entry.kind !== "treatment" && entry.modality !== undefined) report(c, ["modality"], `only treatments have a modality, not ${entry.kind}`);
  if (entry.kind === "warning_sign" && entry.urgency === undefined) report(c, ["urgency"], "a warning sign needs an urgency");
  if (entry.kind !== "warning_sign" && entry.urgency !== undefined) report(c, ["urgency"], `only warning signs have an urgency, not ${entry.kind}`);
  const seenSynonyms = new Set<string>([entry.name.toLowerCase()]);
  entry.synonyms.forEach((syn, i) => {
    if (seenSynonyms.has(syn.toLowerCase())) report(c, ["synonyms", i], `"${syn}" repeats the name or another synonym`);
    seenSynonyms.add(syn.toLowerCase());
  });
  const seenMentions = new Set<string>();
  entry.mentions.forEach((m, i) => {
    const key = `${m.source}|${m.section}|${m.span[0]}|${m.span[1]}`;
    if (seenMentions.has(key)) report(c, ["mentions", i], "repeats an earlier mention of this concept");
    seenMentions.add(key);
  });
  const seenCuries = new Set<string>();
  entry.xrefs.forEach((x, i) => {
    const parsed = parseCurie(x.curie);
    if (!parsed.ok) {
      report(c, ["xrefs", i, "curie"], parsed.reason);
      return;
    }
    const curie = `${parsed.prefix}:${parsed.localId}`;
    if (seenCuries.has(curie)) report(c, ["xrefs", i, "curie"], `${curie} is listed twice`);
    seenCuries.add(curie);
    if (x.match === "exact") {
      const owner = exactXrefOwner.get(curie);
      if (owner !== undefined && owner !== entry.id) report(c, ["xrefs", i, "curie"], `${curie} is already an exact match of "${owner}"`);
      else exactXrefOwner.set(curie, entry.id);
    }
  });
}

function checkRelation(
  r: Located<RelationEntry>,
  conceptById: ReadonlyMap<string, Located<ConceptEntry>>,
  invalidIds: ReadonlySet<string>,
  signatures: Map<string, string>,
  report: Report,
): void {
  const { entry } = r;
  const info = RELATION_TYPE_INFO[entry.type];
  const from = conceptById.get(entry.from)?.entry;
  const to = conceptById.get(entry.to)?.entry;
  if (from === undefined && !invalidIds.has(entry.from)) report(r, ["from"], `unknown concept "${entry.from}"`);
  if (to === undefined && !invalidIds.has(entry.to)) report(r, ["to"], `unknown concept "${entry.to}"`);
  if (entry.from === entry.to) report(r, ["to"], "a relation cannot point at its own source concept");
  if (from !== undefined && !info.from.includes(from.kind)) {
    report(r, ["from"], `${entry.type} cannot start at a ${from.kind} ("${from.id}"); allowed: ${info.from.join(", ")}`);
  }
  if (to !== undefined && !info.to.includes(to.kind)) {
    report(r, ["to"], `${entry.type} cannot end at a ${to.kind} ("${to.id}"); allowed: ${info.to.join(", ")}`);
  }
  const signature = JSON.stringify([entry.type, entry.from, entry.to, sortedEntries(entry.qualifiers)]);
  const twin = signatures.get(signature);
  if (twin !== undefined) report(r, [], `states the same as relation "${twin}" (same type, ends and qualifiers); merge their evidence`);
  else signatures.set(signature, entry.id);
}

function sortedEntries(o: object): [string, unknown][] {
  return Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
}

function sortIssues(issues: SeedIssue[]): SeedIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toLocator(loc: { source: string; section: string; span: [number, number] }): Locator {
  return { sourceId: loc.source, sectionId: loc.section, start: loc.span[0], end: loc.span[1] };
}

function buildGraph(
  sources: readonly Located<SourceEntry>[],
  concepts: readonly Located<ConceptEntry>[],
  relations: readonly Located<RelationEntry>[],
): Omit<KnowledgeGraph, "tours"> {
  const outSources: Source[] = sources.map(({ entry }) => ({
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    description: entry.description,
    citedBy: entry.citedBy ?? null,
    textFile: entry.textFile ?? null,
    length: entry.length ?? null,
    sha256: entry.sha256 ?? null,
    sections: (entry.sections ?? []).map((s) => ({
      id: s.id,
      heading: s.heading,
      label: s.label ?? s.heading ?? s.id,
      start: s.span[0],
      end: s.span[1],
    })),
  }));
  const outConcepts: Concept[] = concepts.map(({ entry, file }) => ({
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    synonyms: entry.synonyms,
    summary: entry.summary,
    xrefs: entry.xrefs.map((x): CrossReference => {
      const parsed = parseCurie(x.curie);
      if (!parsed.ok) throw new Error(`unreachable: ${x.curie} was validated`);
      return { prefix: parsed.prefix, localId: parsed.localId, curie: `${parsed.prefix}:${parsed.localId}`, match: x.match };
    }),
    mentions: entry.mentions.map(toLocator),
    modality: entry.modality ?? null,
    urgency: entry.urgency ?? null,
    dataset: file.dataset,
  }));
  const outRelations: Relation[] = relations.map(({ entry, file }) => ({
    id: entry.id,
    type: entry.type,
    from: entry.from,
    to: entry.to,
    qualifiers: Object.fromEntries(sortedEntries(entry.qualifiers)),
    evidence: entry.evidence.map(
      (e, i): Evidence => ({
        id: `${entry.id}#${i + 1}`,
        relationId: entry.id,
        sourceId: e.source,
        citedSourceId: e.citedSource ?? null,
        locator: toLocator(e),
        claim: e.claim,
        reasoning: e.reasoning ?? null,
        knowledgeLevel: e.knowledgeLevel,
        agentType: e.agentType,
      }),
    ),
    dataset: file.dataset,
  }));
  return { sources: outSources.sort(byId), concepts: outConcepts.sort(byId), relations: outRelations.sort(byId) };
}

import DataLoader from "dataloader";
import { authorize, type Caller, type CurationAction, type Principal } from "../auth/roles.js";
import { checkCuration, type CurationReference, type ProposedWrite } from "../domain/curation-check.js";
import type { Evidence, KnowledgeGraph, Relation } from "../domain/knowledge-graph.model.js";
import { conceptEntry, relationEntry } from "../domain/seed-entries.js";
import { SEED_ID_PATTERN } from "../domain/seed-fields.js";
import type { ConceptEntry, RelationEntry } from "../domain/seed-schema.js";
import { BadUserInputError, ConflictError, CurationRequiresNeo4jError, InvalidWriteError, NotFoundError, ServiceUnavailableError } from "../errors/app-errors.js";
import { StaleGraphError, type ChangeRecord, type CommitResult, type CurationStore, type CurationWrite } from "../store/curation-store.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptRecord, EvidenceRecord, RelationRecord } from "../store/store.types.js";
import type { AddEvidenceInput, AddRelationInput, CreateConceptInput, EvidenceInput, LocatorInput, RetractInput, UpdateConceptInput } from "./curation-inputs.js";
import { inputProblemOf, type WriteShape } from "./curation-field-map.js";
import { decodeCursor, encodeCursor } from "./cursor.codec.js";
import { readGraphSnapshot } from "./graph-snapshot.service.js";
import type { RequestLoaders } from "./request-loaders.js";

/** Most changes one page of `changes` returns, and the default. */
export const MAX_CHANGES_PAGE = 100;
export const DEFAULT_CHANGES_PAGE = 20;
/** Times a write is validated again when another write committed while it was being checked. */
const MAX_ATTEMPTS = 5;
const MAX_REASON = 500;
const MAX_NOTE = 1000;
const CHANGES_CURSOR = "changes";

/** Where curation writes go and what they are checked against; shared by every request. */
export interface CurationDeps {
  readonly store: CurationStore;
  /** The seed's sources, tours and source texts (read once, on the first write). */
  readonly reference: () => Promise<CurationReference>;
  /**
   * The store a write is validated against, when the requests' store may lag behind the database (a read
   * replica); by default the requests' own store.
   */
  readonly validateAgainst?: KnowledgeStore;
  /** Runs after each committed write, before the mutation answers (a read replica catches up with it there). */
  readonly afterCommit?: (graphVersion: number) => Promise<void>;
}

/** What every write answers: the new graph version and the change record. */
export interface WriteOutcome {
  readonly graphVersion: number;
  readonly change: ChangeRecord;
}

/** A page of the change history, Relay style. */
export interface ChangeConnectionResult {
  readonly edges: readonly { readonly cursor: string; readonly node: ChangeRecord }[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** A planned write: what to validate, what to commit, and the history's before/after. */
interface Plan {
  readonly proposal: ProposedWrite;
  readonly shape: WriteShape;
  readonly write: (validated: KnowledgeGraph) => CurationWrite;
  readonly before: unknown;
  readonly after: (write: CurationWrite) => unknown;
  readonly reason: string | null;
  readonly note: string | null;
}

/**
 * Curation writes for one request. Each write: the caller's role is checked, the current graph is read
 * and the write applied to it is validated by the seed validator, then the store commits it in one
 * transaction that also checks nothing committed in between (validation runs again if something did).
 * Reading the whole graph per write costs a few round trips and ~10 ms for the curated graph; fine at
 * this size, and the price of validating with exactly the seed's rules.
 */
export class CurationService {
  private readonly conceptVersions: DataLoader<string, number | null>;
  private readonly relationVersions: DataLoader<string, number | null>;

  constructor(
    private readonly deps: CurationDeps,
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
    private readonly caller: Caller,
  ) {
    this.conceptVersions = new DataLoader((ids) => deps.store.conceptVersions(ids));
    this.relationVersions = new DataLoader((ids) => deps.store.relationVersions(ids));
  }

  /** The graph version: 0 as seeded, one more with each change. */
  graphVersion(): Promise<number> {
    return this.deps.store.graphVersion();
  }

  /** The version of a concept read in this request (1 until a change writes it). */
  async conceptVersion(id: string): Promise<number> {
    return (await this.conceptVersions.load(id)) ?? 1;
  }

  /** The version of a relation read in this request (1 until a change writes it). */
  async relationVersion(id: string): Promise<number> {
    return (await this.relationVersions.load(id)) ?? 1;
  }

  /** Changes with a graph version above `since` (default 0), oldest first, keyset-paged by version. */
  async changes(args: { since?: number | null; first?: number | null; after?: string | null }): Promise<ChangeConnectionResult> {
    const since = args.since ?? 0;
    if (!Number.isInteger(since) || since < 0) throw new BadUserInputError("since", "must be a graph version, 0 or more");
    const first = args.first ?? DEFAULT_CHANGES_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE) throw new BadUserInputError("first", `is ${first}`, `1..${MAX_CHANGES_PAGE}`);
    let after: number | null = null;
    if (args.after !== undefined && args.after !== null) {
      const [key] = decodeCursor("after", args.after, CHANGES_CURSOR, 1);
      const version = Number(key);
      if (!Number.isInteger(version) || version < 0) throw new BadUserInputError("after", "is not a cursor returned by this API");
      after = version;
    }
    const page = await this.deps.store.changes({ since, after, limit: first });
    return {
      edges: page.items.map((node) => ({ cursor: encodeCursor(CHANGES_CURSOR, [String(node.graphVersion)]), node })),
      hasNextPage: page.hasMore,
      totalCount: page.totalCount,
    };
  }

  /** Creates a concept; answers it with the new graph version and change. */
  async createConcept(input: CreateConceptInput): Promise<WriteOutcome & { concept: ConceptRecord }> {
    const outcome = await this.perform("createConcept", (graph) => {
      const dataset = datasetOf(input.dataset, "input.dataset") ?? mainDataset(graph);
      const entry = { ...conceptFields(input), id: input.id, kind: input.kind } as ConceptEntry;
      return {
        proposal: { concept: entry, dataset },
        shape: { kind: "concept" },
        write: (validated) => ({ operation: "createConcept", concept: found(validated.concepts, input.id) }),
        before: null,
        after: (w) => (w.operation === "createConcept" ? w.concept : null),
        reason: null,
        note: optionalText(input.note, "input.note", MAX_NOTE),
      };
    });
    return { ...outcome, concept: await this.reloadConcept(input.id) };
  }

  /** Updates a concept's fields (absent ones are kept) when it is at `expectedVersion`. */
  async updateConcept(input: UpdateConceptInput): Promise<WriteOutcome & { concept: ConceptRecord }> {
    const outcome = await this.perform("updateConcept", async (graph) => {
      const current = graph.concepts.find((c) => c.id === input.id);
      if (current === undefined) throw new NotFoundError("Concept", input.id);
      await this.expectVersion("Concept", input.id, input.expectedVersion, (await this.deps.store.conceptVersions([input.id]))[0] ?? null);
      const base = conceptEntry(current);
      const entry = { ...base, ...definedOnly(conceptFields(input)) } as ConceptEntry;
      return {
        proposal: { removeConceptId: input.id, concept: entry, dataset: current.dataset },
        shape: { kind: "concept" },
        write: (validated) => ({ operation: "updateConcept", concept: { ...found(validated.concepts, input.id), dataset: current.dataset }, expectedVersion: input.expectedVersion }),
        before: current,
        after: (w) => (w.operation === "updateConcept" ? w.concept : null),
        reason: null,
        note: optionalText(input.note, "input.note", MAX_NOTE),
      };
    });
    return { ...outcome, concept: await this.reloadConcept(input.id) };
  }

  /** Adds a relation with at least one evidence record. */
  async addRelation(input: AddRelationInput): Promise<WriteOutcome & { relation: RelationRecord }> {
    const outcome = await this.perform("addRelation", (graph) => {
      if (input.evidence.length === 0) throw new BadUserInputError("input.evidence", "is empty; a relation needs at least one evidence record");
      const dataset = datasetOf(input.dataset, "input.dataset") ?? graph.concepts.find((c) => c.id === input.from)?.dataset ?? mainDataset(graph);
      const entry = {
        id: input.id,
        type: input.type,
        from: input.from,
        to: input.to,
        qualifiers: definedOnly({ ...(input.qualifiers ?? {}) }),
        evidence: input.evidence.map(evidenceFields),
      } as RelationEntry;
      return {
        proposal: { relation: entry, dataset },
        shape: { kind: "relation" },
        write: (validated) => ({ operation: "addRelation", relation: found(validated.relations, input.id) }),
        before: null,
        after: (w) => (w.operation === "addRelation" ? w.relation : null),
        reason: null,
        note: optionalText(input.note, "input.note", MAX_NOTE),
      };
    });
    return { ...outcome, relation: await this.reloadRelation(input.id) };
  }

  /** Adds one evidence record to a relation at `expectedVersion`. */
  async addEvidence(input: AddEvidenceInput): Promise<WriteOutcome & { relation: RelationRecord; evidence: EvidenceRecord }> {
    const outcome = await this.perform("addEvidence", async (graph) => {
      const current = graph.relations.find((r) => r.id === input.relationId);
      if (current === undefined) throw new NotFoundError("Relation", input.relationId);
      await this.expectVersion("Relation", input.relationId, input.expectedVersion, (await this.deps.store.relationVersions([input.relationId]))[0] ?? null);
      const base = relationEntry(current);
      const entry = { ...base, evidence: [...base.evidence, evidenceFields(input.evidence)] } as RelationEntry;
      const index = base.evidence.length;
      return {
        proposal: { removeRelationId: input.relationId, relation: entry, dataset: current.dataset },
        shape: { kind: "evidence", index },
        write: (validated) => {
          const { id: _renumbered, ...evidence } = found(validated.relations, input.relationId).evidence[index] as Evidence;
          return { operation: "addEvidence", relationId: input.relationId, evidence, expectedVersion: input.expectedVersion };
        },
        before: null,
        after: (w) => (w.operation === "addEvidence" ? w.evidence : null),
        reason: null,
        note: optionalText(input.note, "input.note", MAX_NOTE),
      };
    });
    const evidenceId = outcome.createdIds[0] ?? "";
    const relation = await this.reloadRelation(input.relationId);
    const evidence = (await this.loaders.evidenceByRelation.load(input.relationId)).find((e) => e.id === evidenceId);
    if (evidence === undefined) throw new NotFoundError("Evidence", evidenceId);
    return { graphVersion: outcome.graphVersion, change: outcome.change, relation, evidence };
  }

  /** Retracts a relation and its evidence (kept in history with the reason). */
  async retractRelation(input: RetractInput): Promise<WriteOutcome & { retractedRelationId: string }> {
    const outcome = await this.perform("retractRelation", async (graph) => {
      const reason = requiredText(input.reason, "reason", MAX_REASON);
      const current = graph.relations.find((r) => r.id === input.id);
      if (current === undefined) throw new NotFoundError("Relation", input.id);
      await this.expectVersion("Relation", input.id, input.expectedVersion, (await this.deps.store.relationVersions([input.id]))[0] ?? null);
      return {
        proposal: { removeRelationId: input.id, dataset: current.dataset },
        shape: { kind: "retraction" },
        write: () => ({ operation: "retractRelation", relation: current, expectedVersion: input.expectedVersion }),
        before: current,
        after: () => null,
        reason,
        note: null,
      };
    });
    return { graphVersion: outcome.graphVersion, change: outcome.change, retractedRelationId: input.id };
  }

  /** Retracts one evidence record of a relation at `expectedVersion`; never the last one (retract the relation instead). */
  async retractEvidence(input: RetractInput): Promise<WriteOutcome & { relation: RelationRecord; retractedEvidenceId: string }> {
    let relationId = "";
    const outcome = await this.perform("retractEvidence", async (graph) => {
      const reason = requiredText(input.reason, "reason", MAX_REASON);
      const current = graph.relations.find((r) => r.evidence.some((e) => e.id === input.id));
      if (current === undefined) throw new NotFoundError("Evidence", input.id);
      relationId = current.id;
      await this.expectVersion("Relation", current.id, input.expectedVersion, (await this.deps.store.relationVersions([current.id]))[0] ?? null);
      if (current.evidence.length === 1) {
        throw new BadUserInputError("id", `is the only evidence of relation "${current.id}", which would be left with none; retract the relation instead (retractRelation)`);
      }
      const evidence = current.evidence.find((e) => e.id === input.id) as Evidence;
      const remaining: Relation = { ...current, evidence: current.evidence.filter((e) => e.id !== input.id) };
      return {
        proposal: { removeRelationId: current.id, relation: relationEntry(remaining), dataset: current.dataset },
        shape: { kind: "retraction" },
        write: () => ({ operation: "retractEvidence", relationId: current.id, evidenceId: input.id, expectedVersion: input.expectedVersion }),
        before: evidence,
        after: () => null,
        reason,
        note: null,
      };
    });
    return { graphVersion: outcome.graphVersion, change: outcome.change, relation: await this.reloadRelation(relationId), retractedEvidenceId: input.id };
  }

  /** Authorises, validates and commits one write, validating again when another write got in first. */
  private async perform(action: CurationAction, plan: (graph: KnowledgeGraph) => Plan | Promise<Plan>): Promise<WriteOutcome & { createdIds: readonly string[] }> {
    if (!this.deps.store.writable) throw new CurationRequiresNeo4jError();
    const principal = authorize(this.caller, action);
    const reference = await this.deps.reference();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const basedOn = await this.deps.store.graphVersion();
      const graph = await readGraphSnapshot(this.deps.validateAgainst ?? this.store);
      const planned = await plan(graph);
      const check = checkCuration(reference, graph, planned.proposal);
      if (!check.ok) throw new InvalidWriteError(check.problems.map((p) => inputProblemOf(p, planned.shape)));
      const write = planned.write(check.graph);
      try {
        const result = await this.commit(write, principal, planned, basedOn);
        await this.deps.afterCommit?.(result.change.graphVersion);
        this.forgetLoaded();
        return { graphVersion: result.change.graphVersion, change: result.change, createdIds: result.createdIds };
      } catch (error) {
        if (!(error instanceof StaleGraphError)) throw error;
      }
    }
    throw new ServiceUnavailableError("The graph kept changing while this write was checked; try again shortly");
  }

  private commit(write: CurationWrite, principal: Principal, planned: Plan, basedOn: number): Promise<CommitResult> {
    return this.deps.store.commit({
      write,
      principal,
      at: new Date().toISOString(),
      reason: planned.reason,
      note: planned.note,
      before: planned.before,
      after: planned.after(write),
      basedOnGraphVersion: basedOn,
    });
  }

  private async expectVersion(entity: string, id: string, expected: number, current: number | null): Promise<void> {
    if (!Number.isInteger(expected) || expected < 1) throw new BadUserInputError("expectedVersion", `is ${expected}`, "a version, 1 or more");
    if (current !== null && current !== expected) throw new ConflictError(entity, id, expected, current);
  }

  /** A write in this request makes everything loaded before it stale. */
  private forgetLoaded(): void {
    this.loaders.clearAll();
    this.conceptVersions.clearAll();
    this.relationVersions.clearAll();
  }

  private async reloadConcept(id: string): Promise<ConceptRecord> {
    const concept = await this.loaders.concept.load(id);
    if (concept === null) throw new NotFoundError("Concept", id);
    return concept;
  }

  private async reloadRelation(id: string): Promise<RelationRecord> {
    const relation = await this.loaders.relation.load(id);
    if (relation === null) throw new NotFoundError("Relation", id);
    return relation;
  }
}

function found<T extends { id: string }>(items: readonly T[], id: string): T {
  const item = items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`unreachable: validated graph lacks ${id}`);
  return item;
}

/** The dataset most concepts belong to (the only one in the curated graph). */
function mainDataset(graph: KnowledgeGraph): string {
  const counts = new Map<string, number>();
  for (const c of graph.concepts) counts.set(c.dataset, (counts.get(c.dataset) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "curated";
}

/** A dataset named by the client: a seed folder name (kebab-case), or null when none is given. */
function datasetOf(value: string | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (!SEED_ID_PATTERN.test(value)) throw new BadUserInputError(name, "is not a seed dataset name", "lower-case kebab-case, e.g. back-muscle-spasm");
  return value;
}

function locatorFields(l: LocatorInput): { source: string; section: string; span: [number, number] } {
  return { source: l.source, section: l.section, span: [l.start, l.end] };
}

/** The concept fields of an input as seed entry fields; absent ones stay undefined. */
function conceptFields(input: Omit<UpdateConceptInput, "id" | "expectedVersion">): Partial<ConceptEntry> {
  return {
    name: input.name ?? undefined,
    synonyms: input.synonyms === null || input.synonyms === undefined ? undefined : [...input.synonyms],
    summary: input.summary ?? undefined,
    xrefs: input.xrefs === null || input.xrefs === undefined ? undefined : input.xrefs.map((x) => ({ curie: x.curie, match: x.match })),
    mentions: input.mentions === null || input.mentions === undefined ? undefined : input.mentions.map(locatorFields),
    modality: input.modality ?? undefined,
    urgency: input.urgency ?? undefined,
  };
}

function evidenceFields(e: EvidenceInput): RelationEntry["evidence"][number] {
  return {
    ...locatorFields(e.locator),
    ...(e.citedSource === null || e.citedSource === undefined ? {} : { citedSource: e.citedSource }),
    claim: e.claim,
    ...(e.reasoning === null || e.reasoning === undefined ? {} : { reasoning: e.reasoning }),
    knowledgeLevel: e.knowledgeLevel,
    agentType: e.agentType,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

function requiredText(value: string, name: string, max: number): string {
  const text = value.trim();
  if (text === "") throw new BadUserInputError(name, "must not be empty: say why");
  if (text.length > max) throw new BadUserInputError(name, `is ${text.length} characters long`, `at most ${max}`);
  return text;
}

function optionalText(value: string | null | undefined, name: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return requiredText(value, name, max);
}

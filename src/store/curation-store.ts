import type { Principal, CurationAction } from "../auth/roles.js";
import type { Concept, Evidence, Relation } from "../domain/knowledge-graph.model.js";

/** One committed change: who, when, what, why, and the graph version it produced. */
export interface ChangeRecord {
  /** The graph version the change produced; versions start at 1 and have no gaps. */
  readonly graphVersion: number;
  /** ISO-8601 time of the commit. */
  readonly at: string;
  readonly principal: string;
  readonly role: string;
  readonly operation: CurationAction;
  /** The concept, relation or evidence ids the change wrote. */
  readonly targetIds: readonly string[];
  /** Why (a retraction's reason, or the optional note of a create or update). */
  readonly reason: string | null;
  readonly note: string | null;
  /** The written object before and after the change (null for a create, or after a retraction). */
  readonly before: unknown;
  readonly after: unknown;
}

/** A keyset page of changes with a graph version above `since` (and above `after`), oldest first. */
export interface ChangePageRequest {
  readonly since: number;
  readonly after: number | null;
  readonly limit: number;
}

export interface ChangePage {
  readonly items: readonly ChangeRecord[];
  readonly hasMore: boolean;
  readonly totalCount: number;
}

/** A validated write, ready to commit; ids of new evidence are given by the store. */
export type CurationWrite =
  | { readonly operation: "createConcept"; readonly concept: Concept }
  | { readonly operation: "updateConcept"; readonly concept: Concept; readonly expectedVersion: number }
  | { readonly operation: "addRelation"; readonly relation: Relation }
  | { readonly operation: "addEvidence"; readonly relationId: string; readonly evidence: Omit<Evidence, "id">; readonly expectedVersion: number }
  | { readonly operation: "retractRelation"; readonly relation: Relation; readonly expectedVersion: number }
  | { readonly operation: "retractEvidence"; readonly relationId: string; readonly evidenceId: string; readonly expectedVersion: number };

/** Everything a commit writes: the change itself and its history record. */
export interface CommitRequest {
  readonly write: CurationWrite;
  readonly principal: Principal;
  readonly at: string;
  readonly reason: string | null;
  readonly note: string | null;
  readonly before: unknown;
  readonly after: unknown;
  /** The graph version the write was validated against; a commit on any other version must not happen. */
  readonly basedOnGraphVersion: number;
}

/** What a commit produced. */
export interface CommitResult {
  readonly change: ChangeRecord;
  /** The new version of the written concept or relation (of the relation for evidence writes). */
  readonly entityVersion: number;
  /** Ids the store gave (the new evidence's id for addEvidence). */
  readonly createdIds: readonly string[];
}

/** Thrown by commit() when another write committed since the graph was validated; the caller validates again. */
export class StaleGraphError extends Error {
  override readonly name = "StaleGraphError";

  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`the graph moved from version ${expected} to ${current} while the write was validated`);
  }
}

/**
 * Writable side of the knowledge graph, with its history. A backend that cannot keep a write durably
 * refuses every commit (the in-process one does, with CurationRequiresNeo4jError), and still answers
 * the read methods as an unchanged, freshly seeded graph would.
 */
export interface CurationStore {
  /** Whether commit() can succeed at all on this backend. */
  readonly writable: boolean;

  /** The version of the graph: 0 as seeded, +1 with each committed change. */
  graphVersion(): Promise<number>;

  /** One page of the history. */
  changes(request: ChangePageRequest): Promise<ChangePage>;

  /** Versions of concepts by id (1 until a change writes them), null where unknown. */
  conceptVersions(ids: readonly string[]): Promise<(number | null)[]>;

  /** Versions of relations by id (1 until a change writes them), null where unknown. */
  relationVersions(ids: readonly string[]): Promise<(number | null)[]>;

  /**
   * Commits one write and its history record in one transaction, atomically with the checks that the
   * graph is still at `basedOnGraphVersion` (StaleGraphError otherwise) and that the written entity is
   * at its expected version (ConflictError otherwise). Nothing is written when any check fails.
   */
  commit(request: CommitRequest): Promise<CommitResult>;
}

import type { CurationAction } from "../auth/roles.js";
import { ConflictError } from "../errors/app-errors.js";
import {
  StaleGraphError,
  type ChangePage,
  type ChangePageRequest,
  type ChangeRecord,
  type CommitRequest,
  type CommitResult,
  type CurationStore,
  type CurationWrite,
} from "../store/curation-store.js";
import { changePageQuery, conceptVersionsQuery, recordChangeQuery, relationVersionsQuery, type StoredChange } from "./cypher/curation-history.query.js";
import {
  addEvidenceQuery,
  addRelationQuery,
  createConceptQuery,
  curationConstraintQueries,
  entityVersionQuery,
  graphStateLockQuery,
  graphVersionQuery,
  retractEvidenceQuery,
  retractRelationQuery,
  updateConceptQuery,
  type RetractionStamp,
} from "./cypher/curation-write.cypher.js";
import type { CypherQuery } from "./cypher/cypher-query.js";
import type { Neo4jExecutor, Row } from "./neo4j-executor.js";

/**
 * Curation over Neo4j. Each commit is one write transaction that first takes the graph-wide lock
 * (the :GraphState node) and bumps the graph version, checks that nothing committed since the write
 * was validated, writes, and records the change; any failed check throws and rolls all of it back.
 */
export class Neo4jCurationStore implements CurationStore {
  readonly writable = true;
  private constraints: Promise<void> | null = null;

  constructor(private readonly executor: Neo4jExecutor) {}

  async graphVersion(): Promise<number> {
    const [row] = await this.executor.read(graphVersionQuery());
    return Number(row?.["version"] ?? 0);
  }

  async changes(request: ChangePageRequest): Promise<ChangePage> {
    const [row] = await this.executor.read(changePageQuery(request));
    const fetched = ((row?.["items"] ?? []) as Row[]).map(toChangeRecord);
    return { items: fetched.slice(0, request.limit), hasMore: fetched.length > request.limit, totalCount: Number(row?.["total"] ?? 0) };
  }

  async conceptVersions(ids: readonly string[]): Promise<(number | null)[]> {
    return ids.length === 0 ? [] : versionsInOrder(ids, await this.executor.read(conceptVersionsQuery(ids)));
  }

  async relationVersions(ids: readonly string[]): Promise<(number | null)[]> {
    return ids.length === 0 ? [] : versionsInOrder(ids, await this.executor.read(relationVersionsQuery(ids)));
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    await this.ensureConstraints();
    return this.executor.writeUnit(async (run) => {
      const [locked] = await run(graphStateLockQuery());
      const graphVersion = Number(locked?.["version"]);
      if (graphVersion - 1 !== request.basedOnGraphVersion) throw new StaleGraphError(request.basedOnGraphVersion, graphVersion - 1);
      const stamp: RetractionStamp = { at: request.at, principal: request.principal.id, reason: request.reason ?? "", graphVersion };
      const written = await run(writeQuery(request.write, stamp));
      const first = written[0];
      if (first === undefined) throw await conflictOf(request.write, run);
      const createdIds = request.write.operation === "addEvidence" ? [String(first["evidenceId"])] : [];
      const stored: StoredChange = {
        graphVersion,
        at: request.at,
        principal: request.principal.id,
        role: request.principal.role,
        operation: request.write.operation,
        targetIds: [...targetIdsOf(request.write), ...createdIds],
        reason: request.reason,
        note: request.note,
        before: request.before === null ? null : JSON.stringify(request.before),
        after: request.after === null ? null : JSON.stringify(withCreatedIds(request.after, createdIds)),
      };
      await run(recordChangeQuery(stored));
      const entityVersion = first["version"] === undefined ? 1 : Number(first["version"]);
      return { change: toChangeRecord(stored as unknown as Row), entityVersion, createdIds };
    });
  }

  /** Creates the history's constraints once per process (schema statements cannot share a write transaction). */
  private ensureConstraints(): Promise<void> {
    this.constraints ??= (async () => {
      for (const q of curationConstraintQueries()) await this.executor.runSchemaStatement(q);
    })().catch((error: unknown) => {
      this.constraints = null;
      throw error;
    });
    return this.constraints;
  }
}

function writeQuery(write: CurationWrite, stamp: RetractionStamp): CypherQuery {
  switch (write.operation) {
    case "createConcept":
      return createConceptQuery(write.concept);
    case "updateConcept":
      return updateConceptQuery(write.concept, write.expectedVersion);
    case "addRelation":
      return addRelationQuery(write.relation);
    case "addEvidence":
      return addEvidenceQuery(write.relationId, write.evidence, write.expectedVersion);
    case "retractRelation":
      return retractRelationQuery(write.relation.id, write.expectedVersion, stamp);
    case "retractEvidence":
      return retractEvidenceQuery(write.relationId, write.evidenceId, write.expectedVersion, stamp);
  }
}

function targetIdsOf(write: CurationWrite): string[] {
  switch (write.operation) {
    case "createConcept":
    case "updateConcept":
      return [write.concept.id];
    case "addRelation":
      return [write.relation.id, ...write.relation.evidence.map((e) => e.id)];
    case "addEvidence":
      return [write.relationId];
    case "retractRelation":
      return [write.relation.id, ...write.relation.evidence.map((e) => e.id)];
    case "retractEvidence":
      return [write.relationId, write.evidenceId];
  }
}

/** The evidence written by addEvidence, with the id the store gave it. */
function withCreatedIds(after: unknown, createdIds: readonly string[]): unknown {
  if (createdIds.length === 0 || after === null || typeof after !== "object") return after;
  return { ...after, id: createdIds[0] };
}

/** Why a write matched nothing: the entity's version moved (or the entity left the live graph). */
async function conflictOf(write: CurationWrite, run: (q: CypherQuery) => Promise<Row[]>): Promise<ConflictError> {
  const expected = "expectedVersion" in write ? write.expectedVersion : 1;
  const [entity, id] = write.operation === "updateConcept" ? (["Concept", write.concept.id] as const) : (["Relation", "relationId" in write ? write.relationId : write.operation === "createConcept" ? write.concept.id : write.relation.id] as const);
  const [row] = await run(entityVersionQuery(entity === "Concept" ? "concept" : "relation", id));
  return new ConflictError(entity, id, expected, row === undefined ? null : Number(row["version"]));
}

function versionsInOrder(ids: readonly string[], rows: Row[]): (number | null)[] {
  const byId = new Map(rows.map((r) => [String(r["id"]), Number(r["version"])]));
  return ids.map((id) => byId.get(id) ?? null);
}

function parseJson(text: unknown): unknown {
  return typeof text === "string" ? (JSON.parse(text) as unknown) : null;
}

function toChangeRecord(row: Row): ChangeRecord {
  return {
    graphVersion: Number(row["graphVersion"]),
    at: String(row["at"]),
    principal: String(row["principal"]),
    role: String(row["role"]),
    operation: String(row["operation"]) as CurationAction,
    targetIds: ((row["targetIds"] ?? []) as unknown[]).map(String),
    reason: row["reason"] === null || row["reason"] === undefined ? null : String(row["reason"]),
    note: row["note"] === null || row["note"] === undefined ? null : String(row["note"]),
    before: parseJson(row["before"]),
    after: parseJson(row["after"]),
  };
}

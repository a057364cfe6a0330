import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import type { ReadPlan } from "../plan/read-plan.js";
import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";
import { sameStamp, type GraphStamp } from "../store/graph-stamp.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type {
  ConceptPage,
  ConceptPageRequest,
  ConceptRecord,
  EvidenceFilter,
  EvidenceRecord,
  GraphStatsRecord,
  InterventionLink,
  Link,
  LinkRequest,
  NeighborhoodRecord,
  NeighborhoodRequest,
  PathRecord,
  PathRequest,
  ReachRequest,
  ReachedConcept,
  RelationPage,
  RelationPageRequest,
  RelationRecord,
  RootPathRequest,
  SearchCandidateRequest,
  SourceRecord,
  TextSearchCandidates,
  TextSearchRequest,
  TourRecord,
} from "../store/store.types.js";

/** Times a snapshot is read again when the graph changed while it was being read. */
const MAX_SNAPSHOT_ATTEMPTS = 5;

/** What the replica needs from the database it copies, and how it builds its in-process copy. */
export interface ReplicaDeps {
  /** The database's own store: it answers until the first snapshot is in, and whenever the graph is too large to copy. */
  readonly primary: KnowledgeStore;
  /** The stored graph's current stamp (one cheap statement). */
  readonly readStamp: () => Promise<GraphStamp>;
  /** The whole stored graph, read from the primary. */
  readonly readGraph: () => Promise<KnowledgeGraph>;
  /** Builds the in-process store over a snapshot (the memory store, which answers like the primary byte for byte). */
  readonly build: (graph: KnowledgeGraph) => KnowledgeStore;
  /** Graphs with more concepts than this are not copied; the primary answers instead. */
  readonly maxConcepts: number;
  /** How often the stamp is checked for writes made through other processes. */
  readonly pollMs: number;
  readonly log: ReplicaLog;
}

/** Where the replica reports what it did (a pino logger fits). */
export interface ReplicaLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

interface Snapshot {
  readonly store: KnowledgeStore;
  readonly stamp: GraphStamp;
}

/**
 * A read replica of the Neo4j graph held in process: reads are answered by the in-process store built
 * from a snapshot of the database, so a request costs no round trip. The snapshot is replaced when the
 * graph's stamp changes: at once after a write made through this process (`awaitFresh`, before the
 * mutation answers), and within `pollMs` after a write or a seed load made anywhere else. Until the first
 * snapshot is in, and while the graph is larger than `maxConcepts`, the primary answers. A failed refresh
 * keeps the last snapshot (and is logged); the next poll tries again.
 */
export class ReplicatedKnowledgeStore implements KnowledgeStore {
  readonly backend = "neo4j" as const;
  private snapshot: Snapshot | null = null;
  private refreshing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The stamp at which the graph was last found too large to copy; it is not counted again until the stamp moves. */
  private tooLargeAt: GraphStamp | null = null;
  private lastFailure: string | null = null;

  constructor(private readonly deps: ReplicaDeps) {}

  /** Loads the first snapshot and starts polling; resolves once the first attempt ended (a failure leaves the primary answering). */
  async start(): Promise<void> {
    await this.refresh().catch(() => {});
    this.timer = setInterval(() => {
      this.refresh().catch(() => {});
    }, this.deps.pollMs);
    this.timer.unref();
  }

  /** The stamp of the snapshot being served, or null while the primary answers. */
  servedStamp(): GraphStamp | null {
    return this.snapshot?.stamp ?? null;
  }

  /**
   * Resolves once the served snapshot includes the graph at `version` or later (or the primary answers,
   * which is always current). Called after each write made through this process.
   */
  async awaitFresh(version: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_SNAPSHOT_ATTEMPTS; attempt++) {
      const served = this.snapshot;
      if (served === null || served.stamp.version >= version) return;
      try {
        await this.refresh();
      } catch {
        break;
      }
    }
    // The write must be readable once it is answered: without a fresh snapshot, the primary answers until the next refresh.
    if ((this.snapshot?.stamp.version ?? version) < version) this.snapshot = null;
  }

  /** Checks the stamp and, when it moved, reads and swaps in a new snapshot; concurrent calls share one refresh. */
  refresh(): Promise<void> {
    if (this.refreshing !== null) return this.refreshing;
    this.refreshing = this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    try {
      const stamp = await this.deps.readStamp();
      const known = this.snapshot?.stamp ?? this.tooLargeAt;
      if (known !== null && sameStamp(stamp, known)) return;
      const next = await this.readSnapshot(stamp);
      if (next === null) return;
      this.snapshot = next;
      this.lastFailure = null;
      this.deps.log.info({ graphVersion: next.stamp.version, loadId: next.stamp.loadId }, "read replica: serving a new snapshot of the graph");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // One line per distinct failure: a database that stays down would otherwise log every poll.
      if (reason !== this.lastFailure) this.deps.log.warn({ reason, serving: this.snapshot === null ? "primary" : "last snapshot" }, "read replica: refresh failed");
      this.lastFailure = reason;
      throw error;
    }
  }

  /** A snapshot whose stamp did not move while it was read; null when the graph is too large to copy. */
  private async readSnapshot(first: GraphStamp): Promise<Snapshot | null> {
    let stamp = first;
    for (let attempt = 1; attempt <= MAX_SNAPSHOT_ATTEMPTS; attempt++) {
      const { concepts } = await this.deps.primary.stats();
      if (concepts > this.deps.maxConcepts) {
        if (this.tooLargeAt === null) this.deps.log.warn({ concepts, maxConcepts: this.deps.maxConcepts }, "read replica: the graph is larger than READ_REPLICA_MAX_CONCEPTS; Neo4j answers every read");
        this.tooLargeAt = stamp;
        this.snapshot = null;
        return null;
      }
      this.tooLargeAt = null;
      const graph = await this.deps.readGraph();
      const after = await this.deps.readStamp();
      if (sameStamp(after, stamp)) return { store: this.deps.build(graph), stamp };
      stamp = after;
    }
    throw new Error(`the graph kept changing while the replica read it (${MAX_SNAPSHOT_ATTEMPTS} attempts)`);
  }

  private get serving(): KnowledgeStore {
    return this.snapshot?.store ?? this.deps.primary;
  }

  readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]> {
    return this.serving.readPlans(plans);
  }

  conceptsByIds(ids: readonly string[]): Promise<(ConceptRecord | null)[]> {
    return this.serving.conceptsByIds(ids);
  }

  relationsByIds(ids: readonly string[]): Promise<(RelationRecord | null)[]> {
    return this.serving.relationsByIds(ids);
  }

  links(requests: readonly LinkRequest[]): Promise<Link[][]> {
    return this.serving.links(requests);
  }

  reach(requests: readonly ReachRequest[]): Promise<ReachedConcept[][]> {
    return this.serving.reach(requests);
  }

  treatmentOptions(conditionIds: readonly string[], evidence?: EvidenceFilter | null): Promise<InterventionLink[][]> {
    return this.serving.treatmentOptions(conditionIds, evidence);
  }

  evidenceByRelationIds(relationIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    return this.serving.evidenceByRelationIds(relationIds, evidence);
  }

  evidenceBySourceIds(sourceIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    return this.serving.evidenceBySourceIds(sourceIds, evidence);
  }

  conceptsBySourceIds(sourceIds: readonly string[]): Promise<ConceptRecord[][]> {
    return this.serving.conceptsBySourceIds(sourceIds);
  }

  conceptPage(request: ConceptPageRequest): Promise<ConceptPage> {
    return this.serving.conceptPage(request);
  }

  relationPages(requests: readonly RelationPageRequest[]): Promise<RelationPage[]> {
    return this.serving.relationPages(requests);
  }

  searchCandidates(request: SearchCandidateRequest): Promise<ConceptRecord[]> {
    return this.serving.searchCandidates(request);
  }

  textSearchCandidates(request: TextSearchRequest): Promise<TextSearchCandidates> {
    return this.serving.textSearchCandidates(request);
  }

  paths(request: PathRequest): Promise<PathRecord[]> {
    return this.serving.paths(request);
  }

  shortestPaths(request: Omit<PathRequest, "limit">): Promise<PathRecord[]> {
    return this.serving.shortestPaths(request);
  }

  rootPaths(request: RootPathRequest): Promise<PathRecord[]> {
    return this.serving.rootPaths(request);
  }

  neighborhood(request: NeighborhoodRequest): Promise<NeighborhoodRecord> {
    return this.serving.neighborhood(request);
  }

  sourcesByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    return this.serving.sourcesByIds(ids);
  }

  allSources(): Promise<SourceRecord[]> {
    return this.serving.allSources();
  }

  tours(): Promise<TourRecord[]> {
    return this.serving.tours();
  }

  toursByIds(ids: readonly string[]): Promise<(TourRecord | null)[]> {
    return this.serving.toursByIds(ids);
  }

  stats(): Promise<GraphStatsRecord> {
    return this.serving.stats();
  }

  /** Readiness follows the database: a replica cut off from it cannot know how stale it is. */
  ping(): Promise<boolean> {
    return this.deps.primary.ping();
  }

  /** Stops polling and closes the primary. */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.refreshing?.catch(() => {});
    await this.deps.primary.close();
  }
}

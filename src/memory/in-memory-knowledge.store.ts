import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import { CAUSAL_RELATION_TYPES } from "../domain/relation-type.js";
import { evidenceMatches } from "../domain/evidence-filter.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { compareReached } from "../store/record-order.js";
import { checkpoint } from "../store/request-scope.js";
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
import { conceptPageOf } from "./concept-page.js";
import { buildGraphIndex, conceptOf, relationOf, type GraphIndex } from "./graph-index.js";
import { graphStatsOf } from "./graph-stats.js";
import { linksOf, relationPageOf } from "./links.js";
import { rankPaths, toPathRecord } from "./path-records.js";
import { rootEdgePaths, shortestEdgePaths, simpleEdgePaths } from "./path-search.js";
import { conceptsMentionedIn, evidenceOfSource } from "./provenance.js";
import { searchCandidatesOf } from "./search-candidates.js";
import { textSearchCandidatesOf } from "./text-search-candidates.js";
import { neighborhoodOf, reachFrom } from "./traversal.js";
import { TourCatalog } from "./tours.js";
import { treatmentOptionsOf } from "./treatment-options.js";
import { EvidenceViews } from "./evidence-views.js";
import { MemoryPlanExecutor } from "./plan-executor.js";
import type { ReadPlan } from "../plan/read-plan.js";
import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";

/** The most shortest paths returned, as the Neo4j shortest-path query caps them. */
const MAX_SHORTEST_PATHS = 100;

/**
 * The knowledge store over the validated seed held in process memory: no database, same answers as
 * the Neo4j store, byte for byte. The graph is immutable after construction, so no locking is needed.
 */
export class InMemoryKnowledgeStore implements KnowledgeStore {
  readonly backend = "memory" as const;
  private readonly views: EvidenceViews;
  private readonly plans = new MemoryPlanExecutor(this);

  private constructor(
    private readonly index: GraphIndex,
    private readonly tourCatalog: TourCatalog,
  ) {
    this.views = new EvidenceViews(index);
  }

  /** A store over a graph that readValidatedSeed accepted. */
  static fromGraph(graph: KnowledgeGraph): InMemoryKnowledgeStore {
    return new InMemoryKnowledgeStore(buildGraphIndex(graph), new TourCatalog(graph.tours));
  }

  readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]> {
    return this.plans.readPlans(plans);
  }

  async conceptsByIds(ids: readonly string[]): Promise<(ConceptRecord | null)[]> {
    await checkpoint();
    return ids.map((id) => conceptOf(this.index, id));
  }

  async relationsByIds(ids: readonly string[]): Promise<(RelationRecord | null)[]> {
    await checkpoint();
    return ids.map((id) => relationOf(this.index, id));
  }

  async links(requests: readonly LinkRequest[]): Promise<Link[][]> {
    await checkpoint();
    return requests.map((r) => linksOf(this.views.get(r.evidence).index.graph, r));
  }

  async reach(requests: readonly ReachRequest[]): Promise<ReachedConcept[][]> {
    await checkpoint();
    return requests.map((r) =>
      reachFrom(this.views.get(r.evidence).typed.get(r.types, true), r.conceptId, r.direction === "upstream", r.maxDepth, r.kinds).sort(compareReached),
    );
  }

  async treatmentOptions(conditionIds: readonly string[], evidence?: EvidenceFilter | null): Promise<InterventionLink[][]> {
    await checkpoint();
    const view = this.views.get(evidence);
    const causal = view.typed.get(CAUSAL_RELATION_TYPES, true);
    return conditionIds.map((id) => treatmentOptionsOf(view.index.graph, causal, id));
  }

  async evidenceByRelationIds(relationIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    await checkpoint();
    return relationIds.map((id) => (this.index.evidenceByRelation.get(id) ?? []).filter((e) => evidenceMatches(evidence, e)));
  }

  async evidenceBySourceIds(sourceIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    await checkpoint();
    return sourceIds.map((id) => evidenceOfSource(this.index, id).filter((e) => evidenceMatches(evidence, e)));
  }

  async conceptsBySourceIds(sourceIds: readonly string[]): Promise<ConceptRecord[][]> {
    await checkpoint();
    return sourceIds.map((id) => conceptsMentionedIn(this.index, id));
  }

  async conceptPage(request: ConceptPageRequest): Promise<ConceptPage> {
    await checkpoint();
    return conceptPageOf(this.index.graph, request);
  }

  async relationPages(requests: readonly RelationPageRequest[]): Promise<RelationPage[]> {
    await checkpoint();
    return requests.map((r) => relationPageOf(this.views.get(r.evidence).index.graph, r));
  }

  async searchCandidates(request: SearchCandidateRequest): Promise<ConceptRecord[]> {
    await checkpoint();
    return searchCandidatesOf(this.index.graph, request);
  }

  async textSearchCandidates(request: TextSearchRequest): Promise<TextSearchCandidates> {
    await checkpoint();
    return textSearchCandidatesOf(this.index, request);
  }

  async paths(request: PathRequest): Promise<PathRecord[]> {
    await checkpoint();
    const graph = this.views.get(request.evidence).typed.get(request.types, request.directed);
    const found = await simpleEdgePaths(graph, request.from, request.to, request.maxHops);
    return rankPaths(found.map((p) => toPathRecord(graph, request.from, p)), request.limit + 1);
  }

  async shortestPaths(request: Omit<PathRequest, "limit">): Promise<PathRecord[]> {
    await checkpoint();
    const graph = this.views.get(request.evidence).typed.get(request.types, request.directed);
    const found = shortestEdgePaths(graph, request.from, request.to, request.maxHops);
    return rankPaths(found.map((p) => toPathRecord(graph, request.from, p)), MAX_SHORTEST_PATHS);
  }

  async rootPaths(request: RootPathRequest): Promise<PathRecord[]> {
    await checkpoint();
    const graph = this.views.get(request.evidence).typed.get(request.types, true, request.context);
    const found = await rootEdgePaths(graph, request.to, request.maxHops);
    // A directed path starts where its first relation does.
    const records = found.map((p) => toPathRecord(graph, graph.source(p[0]), p));
    return rankPaths(records, request.limit + 1);
  }

  async neighborhood(request: NeighborhoodRequest): Promise<NeighborhoodRecord> {
    await checkpoint();
    const graph = this.views.get(request.evidence).typed.get(request.types, true);
    return neighborhoodOf(graph, request.conceptId, request.direction, request.depth, request.kinds);
  }

  async sourcesByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    await checkpoint();
    return ids.map((id) => this.index.sources.get(id) ?? null);
  }

  async allSources(): Promise<SourceRecord[]> {
    await checkpoint();
    return [...this.index.sources.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  }

  async tours(): Promise<TourRecord[]> {
    return this.tourCatalog.all();
  }

  async toursByIds(ids: readonly string[]): Promise<(TourRecord | null)[]> {
    return this.tourCatalog.byIds(ids);
  }

  async stats(): Promise<GraphStatsRecord> {
    await checkpoint();
    return graphStatsOf(this.index);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

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
} from "./store.types.js";
import type { PlanReader } from "./plan-reader.js";

export type StoreBackend = "neo4j" | "memory";

/**
 * Read access to the knowledge graph. Batch methods take many keys and answer in the same order,
 * so per-request DataLoaders turn a nested GraphQL query into one call per nesting level.
 * Implementations must order every list exactly as documented here, so backends agree byte for byte:
 * concepts by (name sort key, id), relations by id, evidence by (relation id, position).
 */
export interface KnowledgeStore extends PlanReader {
  readonly backend: StoreBackend;

  /** Concepts by id, null where unknown. */
  conceptsByIds(ids: readonly string[]): Promise<(ConceptRecord | null)[]>;

  /** Relations by id, null where unknown. */
  relationsByIds(ids: readonly string[]): Promise<(RelationRecord | null)[]>;

  /** For each request, the one-hop links, ordered by (concept name sort key, concept id, relation id). */
  links(requests: readonly LinkRequest[]): Promise<Link[][]>;

  /** For each request, the reachable concepts (start excluded), ordered by (distance, name sort key, id). */
  reach(requests: readonly ReachRequest[]): Promise<ReachedConcept[][]>;

  /**
   * For each condition, the treatments acting on its scope: the condition, its symptoms, warning
   * signs and complications, and everything causally upstream of those (up to 8 hops). Ordered by
   * (treatment name sort key, treatment id, relation id). With an evidence filter, every relation
   * walked or returned must pass it.
   */
  treatmentOptions(conditionIds: readonly string[], evidence?: EvidenceFilter | null): Promise<InterventionLink[][]>;

  /** Evidence of each relation matching the filter (all when none), ordered by position. */
  evidenceByRelationIds(relationIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]>;

  /** Evidence located in, or attributed to, each source and matching the filter, ordered by (start, end, id). */
  evidenceBySourceIds(sourceIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]>;

  /** Concepts mentioned in each source, ordered by (name sort key, id). */
  conceptsBySourceIds(sourceIds: readonly string[]): Promise<ConceptRecord[][]>;

  /** One keyset page of concepts. */
  conceptPage(request: ConceptPageRequest): Promise<ConceptPage>;

  /** For each request, one page of a concept's relations ordered by relation id (empty for unknown concepts). */
  relationPages(requests: readonly RelationPageRequest[]): Promise<RelationPage[]>;

  /** Concepts that may match the terms (a superset of what the ranking keeps); order unspecified. */
  searchCandidates(request: SearchCandidateRequest): Promise<ConceptRecord[]>;

  /** Concepts, sources and claims that may match the terms, for the requested kinds, in one round trip. */
  textSearchCandidates(request: TextSearchRequest): Promise<TextSearchCandidates>;

  /** Simple paths from `from` to `to`, ranked (fewest hops, most evidence, relation ids), limit + 1 at most. */
  paths(request: PathRequest): Promise<PathRecord[]>;

  /** The shortest paths (all of the minimal length), ranked like paths(); empty when none. */
  shortestPaths(request: Omit<PathRequest, "limit">): Promise<PathRecord[]>;

  /**
   * Simple paths into `to` from every concept with no incoming relation of the given types. With a
   * context, only relations that apply in it (relationAppliesIn) are walked or count as incoming; with
   * an evidence filter, only relations with passing evidence.
   */
  rootPaths(request: RootPathRequest): Promise<PathRecord[]>;

  /** Everything within `depth` hops, with the relations among those concepts. */
  neighborhood(request: NeighborhoodRequest): Promise<NeighborhoodRecord>;

  /** Sources by id, null where unknown. */
  sourcesByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]>;

  /** All sources, ordered by id. */
  allSources(): Promise<SourceRecord[]>;

  /** Every guided tour ordered by (position in the seed, id), each with its steps ordered by position. */
  tours(): Promise<TourRecord[]>;

  /** Tours by id with their steps ordered by position, null where unknown. */
  toursByIds(ids: readonly string[]): Promise<(TourRecord | null)[]>;

  /** Counts per kind and per relation type. */
  stats(): Promise<GraphStatsRecord>;

  /** True when the backing database answers. */
  ping(): Promise<boolean>;

  /** Releases connections. */
  close(): Promise<void>;
}

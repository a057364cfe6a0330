import { compareCodeUnits, comparePaths } from "../domain/path-ranking.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { compareConceptsByName, compareInterventions, compareLinks, compareReached, compareTours } from "../store/record-order.js";
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
import { conceptsByIdsQuery, relationsByIdsQuery } from "./cypher/concept-lookup.query.js";
import { conceptPageQuery } from "./cypher/concept-page.query.js";
import { evidenceByRelationIdsQuery, evidenceBySourceIdsQuery } from "./cypher/evidence.query.js";
import { linksQuery } from "./cypher/links.query.js";
import { neighborhoodQuery } from "./cypher/neighborhood.query.js";
import { pathsQuery, rootPathsQuery, shortestPathsQuery } from "./cypher/path.query.js";
import { reachQuery } from "./cypher/reach.query.js";
import { relationPagesQuery } from "./cypher/relation-page.query.js";
import { treatmentOptionsQuery } from "./cypher/treatment-options.query.js";
import { searchCandidatesQuery } from "./cypher/search-candidates.query.js";
import { conceptsBySourceIdsQuery, sourcesQuery } from "./cypher/sources.query.js";
import { textSearchQuery } from "./cypher/text-search.query.js";
import { toursQuery } from "./cypher/tours.query.js";
import type { Neo4jExecutor, Row } from "./neo4j-executor.js";
import { toConceptRecord, toEvidenceRecord, toLinkRecord, toPathRecord, toRelationRecord, toSourceRecord } from "./neo4j-row.mapper.js";
import { readGraphCounts } from "./seed-loader.js";
import { Neo4jPlanReader } from "./neo4j-plan.reader.js";
import type { ReadPlan } from "../plan/read-plan.js";
import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";
import { toTourRecord } from "./tour-row.mapper.js";

/**
 * The knowledge store over Neo4j. Every method is one round trip through the executor; lists are
 * re-sorted by the shared order after mapping, so the order never depends on the query plan.
 */
export class Neo4jKnowledgeStore implements KnowledgeStore {
  readonly backend = "neo4j" as const;

  private readonly plans: Neo4jPlanReader;

  constructor(readonly executor: Neo4jExecutor) {
    this.plans = new Neo4jPlanReader(executor);
  }

  readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]> {
    return this.plans.readPlans(plans);
  }

  async conceptsByIds(ids: readonly string[]): Promise<(ConceptRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(conceptsByIdsQuery(ids));
    const byId = new Map(rows.map((r) => toConceptRecord(r["concept"])).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async relationsByIds(ids: readonly string[]): Promise<(RelationRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(relationsByIdsQuery(ids));
    const byId = new Map(rows.map((r) => toRelationRecord(r["relation"])).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async links(requests: readonly LinkRequest[]): Promise<Link[][]> {
    if (requests.length === 0) return [];
    const rows = await this.executor.read(linksQuery(requests));
    const out: Link[][] = requests.map(() => []);
    for (const row of rows) {
      const links = (row["links"] as Row[]).map(toLinkRecord);
      out[Number(row["index"])] = links.sort(compareLinks);
    }
    return out;
  }

  async reach(requests: readonly ReachRequest[]): Promise<ReachedConcept[][]> {
    if (requests.length === 0) return [];
    const rows = await this.executor.read(reachQuery(requests));
    const out: ReachedConcept[][] = requests.map(() => []);
    for (const row of rows) {
      const reached = (row["reached"] as Row[]).map(
        (x): ReachedConcept => ({ concept: toConceptRecord(x["concept"]), distance: Number(x["distance"]) }),
      );
      out[Number(row["index"])] = reached.sort(compareReached);
    }
    return out;
  }

  async treatmentOptions(conditionIds: readonly string[], evidence?: EvidenceFilter | null): Promise<InterventionLink[][]> {
    if (conditionIds.length === 0) return [];
    const rows = await this.executor.read(treatmentOptionsQuery(conditionIds, evidence ?? null));
    const byId = new Map<string, InterventionLink[]>();
    for (const row of rows) {
      const options = (row["options"] as Row[]).map(
        (o): InterventionLink => ({
          treatment: toConceptRecord(o["treatment"]),
          relation: toRelationRecord(o["relation"]),
          target: toConceptRecord(o["target"]),
        }),
      );
      byId.set(String(row["id"]), options.sort(compareInterventions));
    }
    return conditionIds.map((id) => byId.get(id) ?? []);
  }

  async evidenceByRelationIds(relationIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    if (relationIds.length === 0) return [];
    const rows = await this.executor.read(evidenceByRelationIdsQuery(relationIds, evidence ?? null));
    const byRelation = new Map<string, (EvidenceRecord & { position: number })[]>();
    for (const row of rows) {
      const raw = row["evidence"] as Row;
      const evidence = { ...toEvidenceRecord(raw), position: Number(raw["position"]) };
      byRelation.set(evidence.relationId, [...(byRelation.get(evidence.relationId) ?? []), evidence]);
    }
    return relationIds.map((id) =>
      (byRelation.get(id) ?? []).sort((a, b) => a.position - b.position).map(({ position: _position, ...e }) => e),
    );
  }

  async evidenceBySourceIds(sourceIds: readonly string[], evidence?: EvidenceFilter | null): Promise<EvidenceRecord[][]> {
    if (sourceIds.length === 0) return [];
    const rows = await this.executor.read(evidenceBySourceIdsQuery(sourceIds, evidence ?? null));
    const bySource = new Map<string, EvidenceRecord[]>();
    for (const row of rows) {
      const sourceId = String(row["sourceId"]);
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), toEvidenceRecord(row["evidence"])]);
    }
    return sourceIds.map((id) =>
      (bySource.get(id) ?? []).sort(
        (a, b) => a.locator.start - b.locator.start || a.locator.end - b.locator.end || compareCodeUnits(a.id, b.id),
      ),
    );
  }

  async conceptsBySourceIds(sourceIds: readonly string[]): Promise<ConceptRecord[][]> {
    if (sourceIds.length === 0) return [];
    const rows = await this.executor.read(conceptsBySourceIdsQuery(sourceIds));
    const bySource = new Map<string, ConceptRecord[]>();
    for (const row of rows) {
      const sourceId = String(row["sourceId"]);
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), toConceptRecord(row["concept"])]);
    }
    return sourceIds.map((id) => (bySource.get(id) ?? []).sort(compareConceptsByName));
  }

  async conceptPage(request: ConceptPageRequest): Promise<ConceptPage> {
    const [row] = await this.executor.read(conceptPageQuery(request));
    const fetched = ((row?.["items"] ?? []) as unknown[]).map(toConceptRecord);
    const hasMore = fetched.length > request.limit;
    const page = fetched.slice(0, request.limit);
    return { items: request.forward ? page : page.reverse(), hasMore, totalCount: Number(row?.["total"] ?? 0) };
  }

  async relationPages(requests: readonly RelationPageRequest[]): Promise<RelationPage[]> {
    if (requests.length === 0) return [];
    const rows = await this.executor.read(relationPagesQuery(requests));
    const out: RelationPage[] = requests.map(() => ({ items: [], hasMore: false, totalCount: 0 }));
    for (const row of rows) {
      const index = Number(row["index"]);
      const limit = requests[index]?.limit ?? 0;
      const fetched = (row["items"] as Row[]).map(toLinkRecord);
      out[index] = { items: fetched.slice(0, limit), hasMore: fetched.length > limit, totalCount: Number(row["total"]) };
    }
    return out;
  }

  async searchCandidates(request: SearchCandidateRequest): Promise<ConceptRecord[]> {
    const rows = await this.executor.read(searchCandidatesQuery(request));
    return rows.map((r) => toConceptRecord(r["concept"]));
  }

  async textSearchCandidates(request: TextSearchRequest): Promise<TextSearchCandidates> {
    const [row] = await this.executor.read(textSearchQuery(request));
    return {
      concepts: ((row?.["concepts"] ?? []) as unknown[]).map(toConceptRecord),
      sources: ((row?.["sources"] ?? []) as unknown[]).map(toSourceRecord),
      evidence: ((row?.["evidence"] ?? []) as Row[]).map((c) => ({
        evidence: toEvidenceRecord(c["evidence"]),
        citedSourceTitle: c["citedSourceTitle"] === null || c["citedSourceTitle"] === undefined ? null : String(c["citedSourceTitle"]),
      })),
    };
  }

  async paths(request: PathRequest): Promise<PathRecord[]> {
    const rows = await this.executor.read(pathsQuery(request));
    return rows.map(toPathRecord).sort(comparePaths);
  }

  async shortestPaths(request: Omit<PathRequest, "limit">): Promise<PathRecord[]> {
    const rows = await this.executor.read(shortestPathsQuery(request));
    return rows.map(toPathRecord).sort(comparePaths);
  }

  async rootPaths(request: RootPathRequest): Promise<PathRecord[]> {
    const rows = await this.executor.read(rootPathsQuery(request));
    return rows.map(toPathRecord).sort(comparePaths);
  }

  async neighborhood(request: NeighborhoodRequest): Promise<NeighborhoodRecord> {
    const [row] = await this.executor.read(neighborhoodQuery(request));
    if (row === undefined) return { nodes: [], relations: [] };
    return {
      nodes: (row["nodes"] as Row[]).map((n) => ({ concept: toConceptRecord(n["concept"]), depth: Number(n["depth"]) })),
      relations: (row["relations"] as unknown[]).map(toRelationRecord).sort((a, b) => compareCodeUnits(a.id, b.id)),
    };
  }

  async sourcesByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(sourcesQuery(ids));
    const byId = new Map(rows.map((r) => toSourceRecord(r["source"])).map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async allSources(): Promise<SourceRecord[]> {
    const rows = await this.executor.read(sourcesQuery(null));
    return rows.map((r) => toSourceRecord(r["source"])).sort((a, b) => compareCodeUnits(a.id, b.id));
  }

  async tours(): Promise<TourRecord[]> {
    const rows = await this.executor.read(toursQuery(null));
    return rows.map((r) => toTourRecord(r["tour"])).sort(compareTours);
  }

  async toursByIds(ids: readonly string[]): Promise<(TourRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(toursQuery(ids));
    const byId = new Map(rows.map((r) => toTourRecord(r["tour"])).map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async stats(): Promise<GraphStatsRecord> {
    const counts = await readGraphCounts(this.executor);
    return {
      concepts: counts.concepts,
      relations: counts.relations,
      evidence: counts.evidence,
      sources: counts.sources,
      conceptsByKind: Object.entries(counts.conceptsByKind).map(([key, count]) => ({ key: key as never, count })),
      relationsByType: Object.entries(counts.relationsByType).map(([key, count]) => ({ key: key as never, count })),
    };
  }

  ping(): Promise<boolean> {
    return this.executor.ping();
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}

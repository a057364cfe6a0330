import { CONCEPT_VIEWS, TRANSITIVE_VIEW_DEPTH } from "../domain/concept-views.js";
import { actingRequest, feedingRequest } from "../plan/explain-requests.js";
import { filterSourcesOf } from "../plan/plan-filters.js";
import type {
  ConceptPlan,
  ConceptSelection,
  EvidenceSelection,
  ExplainPlan,
  LinkPlan,
  NeighborhoodPlan,
  PathsPlan,
  ReadPlan,
  RelationPlan,
  RelationSelection,
  SearchAllPlan,
  ToursPlan,
} from "../plan/read-plan.js";
import type {
  PlanAnswer,
  PlannedConcept,
  PlannedEvidence,
  PlannedExplanation,
  PlannedLink,
  PlannedLinkResult,
  PlannedNeighborhood,
  PlannedPaths,
  PlannedRelation,
  PlannedSearchAll,
  PlannedTours,
  PlannedValueOf,
} from "../plan/plan-result.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { PlanReader } from "../store/plan-reader.js";
import { compareTours } from "../store/record-order.js";
import type { ConceptRecord, EvidenceRecord, Link, RelationRecord, SourceRecord } from "../store/store.types.js";

/** The batch reads the plan executor walks a plan with. */
type BatchReads = Pick<
  KnowledgeStore,
  | "conceptsByIds"
  | "relationsByIds"
  | "sourcesByIds"
  | "links"
  | "reach"
  | "treatmentOptions"
  | "evidenceByRelationIds"
  | "paths"
  | "rootPaths"
  | "neighborhood"
  | "textSearchCandidates"
  | "tours"
  | "toursByIds"
>;

const isRecord = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Splits `flat` back into lists as long as those of `lists`. */
function regroup<T>(lists: readonly (readonly unknown[])[], flat: readonly T[]): T[][] {
  let k = 0;
  return lists.map((list) => list.map(() => flat[k++] as T));
}

/** Each record once, by id, in first-seen order. */
function distinct<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

/**
 * Executes read plans in process: one batch call per plan level over the in-memory indexes (the
 * same functions the store's batch methods use), so the answers equal the level-by-level ones.
 */
export class MemoryPlanExecutor implements PlanReader {
  constructor(private readonly store: BatchReads) {}

  /** See PlanReader.readPlans: each plan on its own, over the same indexes. */
  readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]> {
    return Promise.all(plans.map((plan) => this.read(plan)));
  }

  private read(plan: ReadPlan): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>> {
    switch (plan.root) {
      case "concept":
        return this.readConcept(plan);
      case "paths":
        return this.readPaths(plan);
      case "neighborhood":
        return this.readNeighborhood(plan);
      case "relation":
        return this.readRelation(plan);
      case "explain":
        return this.readExplanation(plan);
      case "searchAll":
        return this.readSearchAll(plan);
      case "tours":
        return this.readTours(plan);
    }
  }

  private readConcept(plan: ConceptPlan): Promise<PlanAnswer<PlannedConcept | null>> {
    return this.answer(plan, async (read) => {
      const [record] = await this.store.conceptsByIds([plan.id]);
      if (!isRecord(record)) return null;
      const [planned] = await read.concepts([record], plan.select);
      return planned ?? null;
    });
  }

  private readPaths(plan: PathsPlan): Promise<PlanAnswer<PlannedPaths>> {
    return this.answer(plan, async (read) => {
      const [from, to] = await this.store.conceptsByIds([plan.request.from, plan.request.to]);
      const fromFound = isRecord(from);
      const toFound = isRecord(to);
      if (!fromFound || !toFound) return { fromFound, toFound, paths: [] };
      const found = await this.store.paths(plan.request);
      const [nodes, relations] = await Promise.all([
        read.concepts(found.flatMap((p) => p.nodes), plan.nodes),
        read.relations(found.flatMap((p) => p.relations), plan.relations),
      ]);
      const nodeLists = regroup(found.map((p) => p.nodes), nodes);
      const relationLists = regroup(found.map((p) => p.relations), relations);
      return { fromFound, toFound, paths: found.map((_, i) => ({ nodes: nodeLists[i] ?? [], relations: relationLists[i] ?? [] })) };
    });
  }

  private readNeighborhood(plan: NeighborhoodPlan): Promise<PlanAnswer<PlannedNeighborhood | null>> {
    return this.answer(plan, async (read) => {
      const [center] = await this.store.conceptsByIds([plan.request.conceptId]);
      if (!isRecord(center)) return null;
      const record = await this.store.neighborhood(plan.request);
      const [[plannedCenter], nodes] = await Promise.all([read.concepts([center], plan.center), read.concepts(record.nodes.map((n) => n.concept), plan.nodes)]);
      return {
        center: plannedCenter as PlannedConcept,
        nodes: record.nodes.map((n, i) => ({ concept: nodes[i] as PlannedConcept, depth: n.depth })),
        relations: record.relations,
      };
    });
  }

  private readRelation(plan: RelationPlan): Promise<PlanAnswer<PlannedRelation | null>> {
    return this.answer(plan, async (read) => {
      const [record] = await this.store.relationsByIds([plan.id]);
      if (!isRecord(record)) return null;
      const [planned] = await read.relations([record], plan.select);
      return planned ?? null;
    });
  }

  private readExplanation(plan: ExplainPlan): Promise<PlanAnswer<PlannedExplanation>> {
    return this.answer(plan, async (read) => {
      const { to, context, evidence } = plan.request;
      const [target] = await this.store.conceptsByIds([to]);
      if (!isRecord(target)) return { target: null, paths: [], interventions: new Map(), feeders: new Map() };
      const found = await this.store.rootPaths(plan.request);
      const steps = [...new Set([target.id, ...found.flatMap((p) => p.nodes.map((n) => n.id))])];
      const [acting, feeding] = await Promise.all([
        this.store.links(steps.map((id) => actingRequest(id, context, evidence ?? null))),
        this.store.links(steps.map((id) => feedingRequest(id, context, evidence ?? null))),
      ]);
      const fed = [...new Set(feeding.flat().map((l) => l.concept.id))];
      const actingOnFed = await this.store.links(fed.map((id) => actingRequest(id, context, evidence ?? null)));
      const links = [...acting, ...feeding, ...actingOnFed].flat();
      const [concepts, relations] = await Promise.all([
        read.conceptsById([target, ...found.flatMap((p) => p.nodes), ...links.map((l) => l.concept)], plan.concepts),
        read.relationsById([...found.flatMap((p) => p.relations), ...links.map((l) => l.relation)], plan.relations),
      ]);
      const planned = (list: readonly Link[]): PlannedLink[] =>
        list.map((l) => ({ concept: concepts.get(l.concept.id) as PlannedConcept, relation: relations.get(l.relation.id) as PlannedRelation }));
      return {
        target: concepts.get(target.id) as PlannedConcept,
        paths: found.map((p) => ({ nodes: p.nodes.map((n) => concepts.get(n.id) as PlannedConcept), relations: p.relations.map((r) => relations.get(r.id) as PlannedRelation) })),
        interventions: new Map([...steps.map((id, i) => [id, planned(acting[i] ?? [])] as const), ...fed.map((id, i) => [id, planned(actingOnFed[i] ?? [])] as const)]),
        feeders: new Map(steps.map((id, i) => [id, planned(feeding[i] ?? [])] as const)),
      };
    });
  }

  private readSearchAll(plan: SearchAllPlan): Promise<PlanAnswer<PlannedSearchAll>> {
    return this.answer(plan, async (read) => {
      const candidates = await this.store.textSearchCandidates(plan.request);
      const evidence = await read.evidence(candidates.evidence.map((c) => c.evidence), plan.claims);
      return {
        concepts: candidates.concepts,
        sources: candidates.sources,
        evidence: candidates.evidence.map((c, i) => ({ evidence: evidence[i] as PlannedEvidence, citedSourceTitle: c.citedSourceTitle })),
      };
    });
  }

  private readTours(plan: ToursPlan): Promise<PlanAnswer<PlannedTours>> {
    return this.answer(plan, async (read) => {
      const tours = plan.ids === null ? await this.store.tours() : (await this.store.toursByIds(plan.ids)).filter(isRecord).sort(compareTours);
      const steps = tours.flatMap((t) => t.steps);
      const conceptsOf = async (select: ConceptSelection): Promise<Map<string, PlannedConcept>> => {
        const ids = [...new Set(steps.flatMap((s) => [...s.conceptIds, ...(s.focusId === null ? [] : [s.focusId])]))];
        return read.conceptsById((await this.store.conceptsByIds(ids)).filter(isRecord), select);
      };
      const relationsOf = async (select: RelationSelection): Promise<Map<string, PlannedRelation>> => {
        const ids = [...new Set(steps.flatMap((s) => s.relationIds))];
        return read.relationsById((await this.store.relationsByIds(ids)).filter(isRecord), select);
      };
      const [concepts, relations] = await Promise.all([
        plan.concepts === null ? new Map<string, PlannedConcept>() : conceptsOf(plan.concepts),
        plan.relations === null ? new Map<string, PlannedRelation>() : relationsOf(plan.relations),
      ]);
      return { tours, concepts, relations };
    });
  }

  /** Runs one plan's reads, then adds the sources its evidence named and which of its filters' sources exist. */
  private async answer<T>(plan: ReadPlan, work: (read: PlanRead) => Promise<T>): Promise<PlanAnswer<T>> {
    const read = new PlanRead(this.store);
    const value = await work(read);
    const checked = filterSourcesOf(plan);
    const [sources, known] = await Promise.all([read.sources(), checked.length === 0 ? Promise.resolve([]) : this.store.sourcesByIds(checked)]);
    return { value, sources, knownSources: new Set(known.filter(isRecord).map((s) => s.id)) };
  }
}

/** The reads of one plan: level by level, each level one batch call, remembering the sources its evidence names. */
class PlanRead {
  private readonly sourceIds = new Set<string>();

  constructor(private readonly store: BatchReads) {}

  /** The sources named by the evidence read with `sources` selected. */
  async sources(): Promise<SourceRecord[]> {
    if (this.sourceIds.size === 0) return [];
    return (await this.store.sourcesByIds([...this.sourceIds])).filter(isRecord);
  }

  /** Plans the concepts: every link of the selection is one batch call for all of them. */
  async concepts(records: readonly ConceptRecord[], select: ConceptSelection): Promise<PlannedConcept[]> {
    const links = records.map(() => new Map<string, PlannedLinkResult>());
    for (const link of select.links) {
      const applies = records.map((r, i) => ({ r, i })).filter(({ r }) => link.parentKinds === null || link.parentKinds.includes(r.kind));
      const results = await this.follow(link, applies.map(({ r }) => r));
      applies.forEach(({ i }, j) => links[i]?.set(link.key, results[j] as PlannedLinkResult));
    }
    return records.map((record, i) => ({ record, links: links[i] as Map<string, PlannedLinkResult> }));
  }

  /** The distinct concepts planned, by id. */
  async conceptsById(records: readonly ConceptRecord[], select: ConceptSelection): Promise<Map<string, PlannedConcept>> {
    return new Map((await this.concepts(distinct(records), select)).map((c) => [c.record.id, c]));
  }

  /** Plans the relations: every evidence list and end of the selection is one batch call for all of them. */
  async relations(records: readonly RelationRecord[], select: RelationSelection): Promise<PlannedRelation[]> {
    if (records.length === 0) return [];
    const ids = records.map((r) => r.id);
    const evidence = await Promise.all(
      select.evidenceLists.map(async (list) => {
        const lists = await this.store.evidenceByRelationIds(ids, list.evidence);
        return regroup(lists, await this.evidence(lists.flat(), list.select));
      }),
    );
    const ends = await Promise.all(
      select.ends.map(async (end) => {
        const found = await this.store.conceptsByIds(records.map((r) => r[end.end]));
        return this.concepts(found.filter(isRecord), end.select);
      }),
    );
    return records.map((record, i) => ({
      record,
      evidence: new Map(select.evidenceLists.map((list, k) => [list.key, evidence[k]?.[i] ?? []])),
      ends: new Map(select.ends.map((end, k) => [end.key, ends[k]?.[i] as PlannedConcept])),
    }));
  }

  /** The distinct relations planned, by id. */
  async relationsById(records: readonly RelationRecord[], select: RelationSelection): Promise<Map<string, PlannedRelation>> {
    return new Map((await this.relations(distinct(records), select)).map((r) => [r.record.id, r]));
  }

  /** Plans the evidence: its relations are one batch call for all of it; its sources are remembered. */
  async evidence(records: readonly EvidenceRecord[], select: EvidenceSelection): Promise<PlannedEvidence[]> {
    if (select.sources) {
      for (const e of records) {
        this.sourceIds.add(e.sourceId);
        if (e.citedSourceId !== null) this.sourceIds.add(e.citedSourceId);
      }
    }
    const relations = await Promise.all(
      select.relations.map(async (planned) => {
        const found = await this.store.relationsByIds(records.map((e) => e.relationId));
        const known = found.filter(isRecord);
        const byId = new Map((await this.relations(known, planned.select)).map((r) => [r.record.id, r]));
        return records.map((e) => byId.get(e.relationId));
      }),
    );
    return records.map((record, i) => {
      const own = new Map<string, PlannedRelation>();
      select.relations.forEach((planned, k) => {
        const relation = relations[k]?.[i];
        if (relation !== undefined) own.set(planned.key, relation);
      });
      return { record, relations: own };
    });
  }

  private async follow(link: LinkPlan, parents: readonly ConceptRecord[]): Promise<PlannedLinkResult[]> {
    if (parents.length === 0) return [];
    const ids = parents.map((p) => p.id);
    const evidence = link.evidence;
    if (link.link === "view") {
      const view = CONCEPT_VIEWS[link.view];
      const reached: ConceptRecord[][] =
        view.mode === "transitive"
          ? (await this.store.reach(ids.map((conceptId) => ({ conceptId, direction: view.direction, types: view.types, kinds: view.kinds, maxDepth: TRANSITIVE_VIEW_DEPTH, evidence })))).map((rs) => rs.map((r) => r.concept))
          : (await this.store.links(ids.map((conceptId) => ({ conceptId, direction: view.direction, types: view.types, kinds: view.kinds, context: link.context, evidence })))).map((ls) => ls.map((l) => l.concept));
      const children = regroup(reached, await this.concepts(reached.flat(), link.select));
      return children.map((concepts) => ({ link: "view", concepts }));
    }
    if (link.link === "treatmentOptions") {
      const options = await this.store.treatmentOptions(ids, evidence);
      const flat = options.flat();
      const [treatments, targets, relations] = await Promise.all([
        this.concepts(flat.map((o) => o.treatment), link.treatment),
        this.concepts(flat.map((o) => o.target), link.target),
        this.relations(flat.map((o) => o.relation), link.relation),
      ]);
      const items = flat.map((_, at) => ({ treatment: treatments[at] as PlannedConcept, relation: relations[at] as PlannedRelation, target: targets[at] as PlannedConcept }));
      return regroup(options, items).map((list) => ({ link: "treatmentOptions", items: list }));
    }
    const acting = await this.store.links(ids.map((conceptId) => actingRequest(conceptId, link.context, evidence)));
    const flat = acting.flat();
    const [treatments, relations] = await Promise.all([this.concepts(flat.map((l) => l.concept), link.treatment), this.relations(flat.map((l) => l.relation), link.relation)]);
    const items = flat.map((_, at) => ({ treatment: treatments[at] as PlannedConcept, relation: relations[at] as PlannedRelation }));
    return regroup(acting, items).map((list) => ({ link: "interventions", items: list }));
  }
}

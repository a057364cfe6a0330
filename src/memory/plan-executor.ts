import { CONCEPT_VIEWS, INTERVENTION_TYPES, TRANSITIVE_VIEW_DEPTH } from "../domain/concept-views.js";
import type { ConceptPlan, ConceptSelection, LinkPlan, NeighborhoodPlan, PathsPlan, RelationSelection } from "../plan/read-plan.js";
import type { PlannedConcept, PlannedLinkResult, PlannedNeighborhood, PlannedPaths, PlannedRelation } from "../plan/plan-result.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptRecord, RelationRecord } from "../store/store.types.js";

/** The batch reads the plan executor walks a plan with. */
type BatchReads = Pick<KnowledgeStore, "conceptsByIds" | "links" | "reach" | "treatmentOptions" | "evidenceByRelationIds" | "paths" | "neighborhood">;

/**
 * Executes read plans in process: one batch call per plan level over the in-memory indexes (the
 * same functions the store's batch methods use), so the answers equal the level-by-level ones.
 */
export class MemoryPlanExecutor {
  constructor(private readonly store: BatchReads) {}

  /** See PlanReader.readConcept. */
  async readConcept(plan: ConceptPlan): Promise<PlannedConcept | null> {
    const [record] = await this.store.conceptsByIds([plan.id]);
    if (record === null || record === undefined) return null;
    const [planned] = await this.concepts([record], plan.select);
    return planned ?? null;
  }

  /** See PlanReader.readPaths. */
  async readPaths(plan: PathsPlan): Promise<PlannedPaths> {
    const [from, to] = await this.store.conceptsByIds([plan.request.from, plan.request.to]);
    const fromFound = from !== null && from !== undefined;
    const toFound = to !== null && to !== undefined;
    if (!fromFound || !toFound) return { fromFound, toFound, paths: [] };
    const found = await this.store.paths(plan.request);
    const nodes = await this.concepts(found.flatMap((p) => p.nodes), plan.nodes);
    const relations = await this.relations(found.flatMap((p) => p.relations), plan.relations);
    let n = 0;
    let r = 0;
    const paths = found.map((p) => ({
      nodes: p.nodes.map(() => nodes[n++] as PlannedConcept),
      relations: p.relations.map(() => relations[r++] as PlannedRelation),
    }));
    return { fromFound, toFound, paths };
  }

  /** See PlanReader.readNeighborhood. */
  async readNeighborhood(plan: NeighborhoodPlan): Promise<PlannedNeighborhood | null> {
    const [center] = await this.store.conceptsByIds([plan.request.conceptId]);
    if (center === null || center === undefined) return null;
    const record = await this.store.neighborhood(plan.request);
    const [plannedCenter] = await this.concepts([center], plan.center);
    const nodes = await this.concepts(record.nodes.map((n) => n.concept), plan.nodes);
    return {
      center: plannedCenter as PlannedConcept,
      nodes: record.nodes.map((n, i) => ({ concept: nodes[i] as PlannedConcept, depth: n.depth })),
      relations: record.relations,
    };
  }

  /** Plans the concepts level by level: every link of the selection is one batch call for all of them. */
  private async concepts(records: readonly ConceptRecord[], select: ConceptSelection): Promise<PlannedConcept[]> {
    const links = records.map(() => new Map<string, PlannedLinkResult>());
    for (const link of select.links) {
      const applies = records.map((r, i) => ({ r, i })).filter(({ r }) => link.parentKinds === null || link.parentKinds.includes(r.kind));
      const results = await this.follow(link, applies.map(({ r }) => r));
      applies.forEach(({ i }, j) => links[i]?.set(link.key, results[j] as PlannedLinkResult));
    }
    return records.map((record, i) => ({ record, links: links[i] as Map<string, PlannedLinkResult> }));
  }

  private async follow(link: LinkPlan, parents: readonly ConceptRecord[]): Promise<PlannedLinkResult[]> {
    if (parents.length === 0) return [];
    const ids = parents.map((p) => p.id);
    if (link.link === "view") {
      const view = CONCEPT_VIEWS[link.view];
      const reached: ConceptRecord[][] =
        view.mode === "transitive"
          ? (await this.store.reach(ids.map((conceptId) => ({ conceptId, direction: view.direction, types: view.types, kinds: view.kinds, maxDepth: TRANSITIVE_VIEW_DEPTH, evidence: null })))).map((rs) => rs.map((r) => r.concept))
          : (await this.store.links(ids.map((conceptId) => ({ conceptId, direction: view.direction, types: view.types, kinds: view.kinds, context: link.context, evidence: null })))).map((ls) => ls.map((l) => l.concept));
      const children = await this.concepts(reached.flat(), link.select);
      let k = 0;
      return reached.map((list) => ({ link: "view", concepts: list.map(() => children[k++] as PlannedConcept) }));
    }
    if (link.link === "treatmentOptions") {
      const options = await this.store.treatmentOptions(ids, null);
      const flat = options.flat();
      const [treatments, targets, relations] = await Promise.all([
        this.concepts(flat.map((o) => o.treatment), link.treatment),
        this.concepts(flat.map((o) => o.target), link.target),
        this.relations(flat.map((o) => o.relation), link.relation),
      ]);
      let k = 0;
      return options.map((list) => ({
        link: "treatmentOptions",
        items: list.map(() => {
          const at = k++;
          return { treatment: treatments[at] as PlannedConcept, relation: relations[at] as PlannedRelation, target: targets[at] as PlannedConcept };
        }),
      }));
    }
    const acting = await this.store.links(ids.map((conceptId) => ({ conceptId, direction: "in" as const, types: INTERVENTION_TYPES, kinds: ["treatment" as const], context: link.context, evidence: null })));
    const flat = acting.flat();
    const [treatments, relations] = await Promise.all([this.concepts(flat.map((l) => l.concept), link.treatment), this.relations(flat.map((l) => l.relation), link.relation)]);
    let k = 0;
    return acting.map((list) => ({
      link: "interventions",
      items: list.map(() => {
        const at = k++;
        return { treatment: treatments[at] as PlannedConcept, relation: relations[at] as PlannedRelation };
      }),
    }));
  }

  private async relations(records: readonly RelationRecord[], select: RelationSelection): Promise<PlannedRelation[]> {
    if (select.evidenceKeys.length === 0 || records.length === 0) return records.map((record) => ({ record, evidence: new Map() }));
    const evidence = await this.store.evidenceByRelationIds(records.map((r) => r.id), null);
    return records.map((record, i) => ({ record, evidence: new Map(select.evidenceKeys.map((key) => [key, evidence[i] ?? []])) }));
  }
}

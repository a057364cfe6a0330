import { CAUSAL_RELATION_TYPES } from "../domain/relation-type.js";
import { INTERVENTION_TYPES } from "../domain/concept-views.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { SymptomContext } from "../domain/qualifier.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import { actingRequest, feedingRequest } from "../plan/explain-requests.js";
import type { PlannedConcept, PlannedLink, PlannedRelation } from "../plan/plan-result.js";
import type { ConceptAndRelationSelections } from "../plan/read-plan.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { ConceptRecord, Link, RelationRecord } from "../store/store.types.js";
import { intInRange } from "./argument-rules.js";
import type { ConceptCatalogService } from "./concept-catalog.service.js";
import { evidenceFilterFrom, evidenceFilterOf, requireKnownSources, unknownSourcesError, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
import { primeSources, shapeConcept, shapeRelation } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";
import { MAX_CAUSAL_HOPS, toPathResult } from "./pathway.service.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { ExplanationChainResult, ExplanationResult, InterventionResult, TreatmentOptionResult } from "./service-results.types.js";

export const DEFAULT_EXPLAIN_CHAINS = 20;
export const MAX_EXPLAIN_CHAINS = 50;
const EXPLAINABLE_KINDS = new Set(["symptom", "condition"]);

/**
 * The teaching view: the causal chains that produce a symptom or condition from its root causes, and
 * at each step the treatments that act there, directly or through a concept that feeds into the step.
 */
export class ExplainService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
    private readonly catalog: ConceptCatalogService,
  ) {}

  /**
   * Explains a symptom or condition along relations passing the evidence filter; NOT_FOUND for unknown
   * ids, BAD_USER_INPUT for other kinds. With a context, chains and treatments use only relations that
   * apply in it (context-free ones always do). With selections, everything it shows is read in one plan.
   */
  async explain(
    args: {
      id: string;
      maxHops?: number | null;
      limit?: number | null;
      context?: SymptomContext | null;
      evidence?: EvidenceFilterArgs | null;
    },
    selections: ConceptAndRelationSelections | null = null,
  ): Promise<ExplanationResult> {
    const context = args.context ?? null;
    const maxHops = intInRange("maxHops", args.maxHops ?? MAX_CAUSAL_HOPS, 1, MAX_CAUSAL_HOPS);
    const limit = intInRange("limit", args.limit ?? DEFAULT_EXPLAIN_CHAINS, 1, MAX_EXPLAIN_CHAINS);
    if (selections !== null) return this.plannedExplanation(args.id, { maxHops, limit, context }, args.evidence ?? null, selections);
    // Both looked up at once, reported in a fixed order: the filter's lists, an unknown id, then unknown sources.
    const evidence = evidenceFilterOf(args.evidence);
    const [found, sources] = await Promise.allSettled([this.catalog.concept(args.id), requireKnownSources(evidence, this.loaders)]);
    if (found.status === "rejected") throw found.reason;
    if (sources.status === "rejected") throw sources.reason;
    const target = found.value;
    requireExplainable(target);
    const paths = await this.store.rootPaths({ to: target.id, types: CAUSAL_RELATION_TYPES, maxHops, limit, context, evidence });
    const stepIds = [...new Set([target.id, ...paths.slice(0, limit).flatMap((p) => p.nodes.map((n) => n.id))])];

    // Two batched rounds: who acts on each step and what feeds into it, then who acts on those feeders.
    const [direct, feeders] = await Promise.all([
      this.loaders.links.loadMany(stepIds.map((id) => actingRequest(id, context, evidence))),
      this.loaders.links.loadMany(stepIds.map((id) => feedingRequest(id, context, evidence))),
    ]);
    const actingOn = new Map(stepIds.map((id, i) => [id, asLinks(direct[i])]));
    const feedersById = new Map(stepIds.map((id, i) => [id, asLinks(feeders[i])]));
    const feederIds = [...new Set([...feedersById.values()].flat().map((l) => l.concept.id))];
    const feederActs = await this.loaders.links.loadMany(feederIds.map((id) => actingRequest(id, context, evidence)));
    feederIds.forEach((id, i) => actingOn.set(id, asLinks(feederActs[i])));
    return explanationOf(target, paths, limit, (id) => actingOn.get(id) ?? [], (id) => feedersById.get(id) ?? []);
  }

  /** explain() from one read plan, with the checks in the order the level-by-level path reports them. */
  private async plannedExplanation(
    id: string,
    bounds: { maxHops: number; limit: number; context: SymptomContext | null },
    evidenceArgs: EvidenceFilterArgs | null,
    selections: ConceptAndRelationSelections,
  ): Promise<ExplanationResult> {
    const evidence = evidenceFilterOf(evidenceArgs);
    const request = { to: id, types: CAUSAL_RELATION_TYPES, maxHops: bounds.maxHops, limit: bounds.limit, context: bounds.context, evidence };
    const answer = await readPlan(this.loaders, { root: "explain", request, concepts: selections.concepts, relations: selections.relations });
    const planned = answer.value;
    if (planned.target === null) throw new NotFoundError("Concept", id);
    const unknown = unknownSourcesError(evidence, answer.knownSources);
    if (unknown !== null) throw unknown;
    requireExplainable(planned.target.record);
    primeSources(answer, this.loaders);
    const concept = shapedOnce((c: PlannedConcept) => shapeConcept(c, selections.concepts, null, answer.knownSources));
    const relation = shapedOnce((r: PlannedRelation) => shapeRelation(r, selections.relations, answer.knownSources));
    const links = (list: readonly PlannedLink[] | undefined) => (list ?? []).map((l) => ({ concept: concept(l.concept), relation: relation(l.relation) }));
    const paths = planned.paths.map((p) => ({ nodes: p.nodes.map(concept), relations: p.relations.map(relation) }));
    return explanationOf(concept(planned.target), paths, bounds.limit, (c) => links(planned.interventions.get(c)), (c) => links(planned.feeders.get(c)));
  }

  /** A condition's treatment options over relations passing the evidence filter, grouped by treatment, each with everything it acts on. */
  async treatmentOptions(conditionId: string, evidenceArgs: EvidenceFilterArgs | null = null): Promise<TreatmentOptionResult[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    const links = await this.loaders.byEvidence(evidence).treatmentOptions.load(conditionId);
    const groups = new Map<string, { treatment: ConceptRecord; actsOn: InterventionResult[] }>();
    for (const link of links) {
      const group = groups.get(link.treatment.id) ?? { treatment: link.treatment, actsOn: [] };
      group.actsOn.push({ treatment: link.treatment, relation: link.relation, target: link.target, viaRelation: null });
      groups.set(link.treatment.id, group);
    }
    return [...groups.values()].sort((a, b) => compareConceptsByName(a.treatment, b.treatment));
  }

  /**
   * Treatments acting directly on a concept (incoming intervention relations passing the evidence
   * filter), only those that apply in the context when one is given.
   */
  async interventionsOn(target: ConceptRecord, context: SymptomContext | null = null, evidenceArgs: EvidenceFilterArgs | null = null): Promise<InterventionResult[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    const links = await this.loaders.links.load(actingRequest(target.id, context, evidence));
    return links.map((l) => ({ treatment: l.concept, relation: l.relation, target, viaRelation: null })).sort(compareInterventionResults);
  }

  /** What a treatment acts on (outgoing intervention relations passing the evidence filter). */
  async actionsOf(treatment: ConceptRecord, evidenceArgs: EvidenceFilterArgs | null = null): Promise<InterventionResult[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    const links = await this.loaders.links.load({ conceptId: treatment.id, direction: "out", types: INTERVENTION_TYPES, kinds: null, context: null, evidence });
    return links.map((l) => ({ treatment, relation: l.relation, target: l.concept, viaRelation: null }));
  }
}

/** A neighbour and the relation it is reached by, whichever path read them. */
interface LinkTo<C, R> {
  readonly concept: C;
  readonly relation: R;
}

function requireExplainable(target: ConceptRecord): void {
  if (!EXPLAINABLE_KINDS.has(target.kind)) {
    throw new BadUserInputError("id", `must name a symptom or condition; "${target.id}" is a ${target.kind}`, "symptom or condition ids");
  }
}

/**
 * The explanation of `target` from its root paths (limit + 1 at most), the treatments acting on each
 * concept and the concepts feeding into each step: the same assembly for the planned and the
 * level-by-level reads.
 */
function explanationOf<C extends ConceptRecord, R extends RelationRecord>(
  target: C,
  found: readonly { readonly nodes: readonly C[]; readonly relations: readonly R[] }[],
  limit: number,
  actingOn: (conceptId: string) => readonly LinkTo<C, R>[],
  feedersOf: (conceptId: string) => readonly LinkTo<C, R>[],
): ExplanationResult {
  const interventionsAt = (concept: C, onChain: ReadonlySet<string>): InterventionResult[] => {
    const results: InterventionResult[] = actingOn(concept.id).map((l) => ({ treatment: l.concept, relation: l.relation, target: concept, viaRelation: null }));
    for (const feeder of feedersOf(concept.id)) {
      if (onChain.has(feeder.concept.id)) continue;
      for (const act of actingOn(feeder.concept.id)) results.push({ treatment: act.concept, relation: act.relation, target: feeder.concept, viaRelation: feeder.relation });
    }
    return results.sort(compareInterventionResults);
  };
  const chains: ExplanationChainResult[] = found.slice(0, limit).map((path) => {
    const onChain = new Set(path.nodes.map((n) => n.id));
    const summary = toPathResult(path);
    return {
      root: path.nodes[0] ?? target,
      hops: summary.hops,
      evidenceCount: summary.evidenceCount,
      steps: path.nodes.map((concept, position) => ({
        position,
        concept,
        relationToNext: path.relations[position] ?? null,
        interventions: interventionsAt(concept, onChain),
      })),
    };
  });
  return { target, chains, truncated: found.length > limit, targetInterventions: interventionsAt(target, new Set([target.id])) };
}

/** `shape` applied once per planned record: a record reached in several places is one object, as on the level-by-level path. */
function shapedOnce<P extends object, S>(shape: (planned: P) => S): (planned: P) => S {
  const done = new Map<P, S>();
  return (planned) => {
    let shaped = done.get(planned);
    if (shaped === undefined) {
      shaped = shape(planned);
      done.set(planned, shaped);
    }
    return shaped;
  };
}

function asLinks(value: Link[] | Error | undefined): Link[] {
  if (value instanceof Error) throw value;
  return value ?? [];
}

function compareInterventionResults(a: InterventionResult, b: InterventionResult): number {
  return (
    compareConceptsByName(a.treatment, b.treatment) ||
    compareCodeUnits(a.relation.id, b.relation.id) ||
    compareCodeUnits(a.viaRelation?.id ?? "", b.viaRelation?.id ?? "")
  );
}

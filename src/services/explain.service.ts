import { CAUSAL_RELATION_TYPES } from "../domain/relation-type.js";
import { INTERVENTION_TYPES } from "../domain/concept-views.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { SymptomContext } from "../domain/qualifier.js";
import { BadUserInputError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { ConceptRecord, EvidenceFilter, Link } from "../store/store.types.js";
import { intInRange } from "./argument-rules.js";
import type { ConceptCatalogService } from "./concept-catalog.service.js";
import { evidenceFilterFrom, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
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
   * apply in it (context-free ones always do).
   */
  async explain(args: {
    id: string;
    maxHops?: number | null;
    limit?: number | null;
    context?: SymptomContext | null;
    evidence?: EvidenceFilterArgs | null;
  }): Promise<ExplanationResult> {
    const context = args.context ?? null;
    const maxHops = intInRange("maxHops", args.maxHops ?? MAX_CAUSAL_HOPS, 1, MAX_CAUSAL_HOPS);
    const limit = intInRange("limit", args.limit ?? DEFAULT_EXPLAIN_CHAINS, 1, MAX_EXPLAIN_CHAINS);
    const [target, evidence] = await Promise.all([this.catalog.concept(args.id), evidenceFilterFrom(args.evidence, this.loaders)]);
    if (!EXPLAINABLE_KINDS.has(target.kind)) {
      throw new BadUserInputError("id", `must name a symptom or condition; "${target.id}" is a ${target.kind}`, "symptom or condition ids");
    }
    const found = await this.store.rootPaths({ to: target.id, types: CAUSAL_RELATION_TYPES, maxHops, limit, context, evidence });
    const paths = found.slice(0, limit);
    const stepIds = [...new Set([target.id, ...paths.flatMap((p) => p.nodes.map((n) => n.id))])];

    // Two batched rounds: who acts on each step and what feeds into it, then who acts on those feeders.
    const [direct, feeders] = await Promise.all([
      this.loaders.links.loadMany(stepIds.map((id) => interventionRequest(id, context, evidence))),
      this.loaders.links.loadMany(stepIds.map((id) => ({ conceptId: id, direction: "in" as const, types: CAUSAL_RELATION_TYPES, kinds: null, context, evidence }))),
    ]);
    const directById = new Map(stepIds.map((id, i) => [id, asLinks(direct[i])]));
    const feedersById = new Map(stepIds.map((id, i) => [id, asLinks(feeders[i])]));
    const feederIds = [...new Set([...feedersById.values()].flat().map((l) => l.concept.id))];
    const feederActs = await this.loaders.links.loadMany(feederIds.map((id) => interventionRequest(id, context, evidence)));
    const actsOnFeeder = new Map(feederIds.map((id, i) => [id, asLinks(feederActs[i])]));

    const interventionsAt = (concept: ConceptRecord, onChain: ReadonlySet<string>): InterventionResult[] => {
      const results: InterventionResult[] = (directById.get(concept.id) ?? []).map((l) => ({
        treatment: l.concept,
        relation: l.relation,
        target: concept,
        viaRelation: null,
      }));
      for (const feeder of feedersById.get(concept.id) ?? []) {
        if (onChain.has(feeder.concept.id)) continue;
        for (const act of actsOnFeeder.get(feeder.concept.id) ?? []) {
          results.push({ treatment: act.concept, relation: act.relation, target: feeder.concept, viaRelation: feeder.relation });
        }
      }
      return results.sort(compareInterventionResults);
    };

    const chains: ExplanationChainResult[] = paths.map((path) => {
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
    const links = await this.loaders.links.load(interventionRequest(target.id, context, evidence));
    return links.map((l) => ({ treatment: l.concept, relation: l.relation, target, viaRelation: null })).sort(compareInterventionResults);
  }

  /** What a treatment acts on (outgoing intervention relations passing the evidence filter). */
  async actionsOf(treatment: ConceptRecord, evidenceArgs: EvidenceFilterArgs | null = null): Promise<InterventionResult[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    const links = await this.loaders.links.load({ conceptId: treatment.id, direction: "out", types: INTERVENTION_TYPES, kinds: null, context: null, evidence });
    return links.map((l) => ({ treatment, relation: l.relation, target: l.concept, viaRelation: null }));
  }
}

function interventionRequest(conceptId: string, context: SymptomContext | null, evidence: EvidenceFilter | null) {
  return { conceptId, direction: "in" as const, types: INTERVENTION_TYPES, kinds: ["treatment" as const], context, evidence };
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

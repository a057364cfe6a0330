import type { ReadPlan } from "../plan/read-plan.js";
import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";

/**
 * Answers read plans, each whole: on Neo4j in one statement for all the plans of a call (a request's
 * root fields), in memory directly. Lists come in the orders KnowledgeStore documents, so a planned
 * answer equals the level-by-level one. Every answer also says which of the sources named by its plan's
 * evidence filters exist, and carries the sources of the evidence it read with `sources` selected.
 * By root: `concept` and `relation` answer null for an unknown id, `neighborhood` for an unknown centre;
 * `paths` say whether both ends exist (no paths when one is missing); `explain` has a null target for an
 * unknown id.
 */
export interface PlanReader {
  /** The answers to the plans, in their order. */
  readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]>;
}

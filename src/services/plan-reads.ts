import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";
import type { ReadPlan } from "../plan/read-plan.js";
import type { RequestLoaders } from "./request-loaders.js";

/** Reads a plan through the request's plan loader, so the plans of a request's root fields share one statement. */
export function readPlan<P extends ReadPlan>(loaders: RequestLoaders, plan: P): Promise<PlanAnswer<PlannedValueOf<P>>> {
  return loaders.plans.load(plan) as Promise<PlanAnswer<PlannedValueOf<P>>>;
}

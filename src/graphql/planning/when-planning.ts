import type { GraphContext } from "../graph-context.js";

/** The root field's plan selections, or null when this server answers level by level (READ_PLANS=false). */
export function whenPlanning<T>(ctx: GraphContext, select: () => T): T | null {
  return ctx.services.readPlans ? select() : null;
}

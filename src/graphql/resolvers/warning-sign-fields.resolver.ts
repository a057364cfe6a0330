import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ActivityGql, ConditionGql, TreatmentGql, WarningSignGql } from "../types/concept-kinds.types.js";

@Resolver(() => WarningSignGql)
export class WarningSignFieldsResolver {
  @FieldResolver(() => [ConditionGql])
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "warningSignConditions");
  }

  @FieldResolver(() => [TreatmentGql], { description: "What to do when the warning sign appears." })
  warrants(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "warrants");
  }

  @FieldResolver(() => [ActivityGql])
  occursDuring(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "occursDuring");
  }
}

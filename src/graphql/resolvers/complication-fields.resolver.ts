import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { AnatomyGql, ComplicationGql, ConditionGql } from "../types/concept-kinds.types.js";

@Resolver(() => ComplicationGql)
export class ComplicationFieldsResolver {
  @FieldResolver(() => [ConditionGql], { description: "Conditions this complication can follow." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "complicationConditions");
  }

  @FieldResolver(() => [AnatomyGql])
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "location");
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql, AnatomyGql, CauseGql } from "../types/concept-kinds.types.js";

@Resolver(() => CauseGql)
export class CauseFieldsResolver {
  @FieldResolver(() => [ConceptGql], { description: "Conditions and complications the cause can lead to, directly or through a chain." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "downstreamConditions");
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities in the course of which the cause arises." })
  occursDuring(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "occursDuring");
  }

  @FieldResolver(() => [AnatomyGql])
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "location");
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { AnatomyGql, MechanismGql } from "../types/concept-kinds.types.js";

@Resolver(() => MechanismGql)
export class MechanismFieldsResolver {
  @FieldResolver(() => [AnatomyGql], { description: "Where in the body the mechanism takes place." })
  occursIn(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "occursIn");
  }

  @FieldResolver(() => [ConceptGql], { description: "Conditions and complications the mechanism can lead to." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "downstreamConditions");
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql, TreatmentGql } from "../types/concept-kinds.types.js";

@Resolver(() => ActivityGql)
export class ActivityFieldsResolver {
  @FieldResolver(() => [ConceptGql], { description: "Symptoms or conditions the activity makes worse." })
  aggravates(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "aggravates");
  }

  @FieldResolver(() => [ConceptGql], { description: "Causes and findings that happen during the activity." })
  contextOf(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "contextOf");
  }

  @FieldResolver(() => [TreatmentGql], { description: "Advice that stops or cuts back the activity (LIMITS), such as staying out of sport until cleared." })
  limitedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "limitedBy");
  }
}

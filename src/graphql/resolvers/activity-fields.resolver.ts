import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql } from "../types/concept-kinds.types.js";

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
}

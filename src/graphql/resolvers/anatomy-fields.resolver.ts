import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { AnatomyGql } from "../types/concept-kinds.types.js";

@Resolver(() => AnatomyGql)
export class AnatomyFieldsResolver {
  @FieldResolver(() => [AnatomyGql], { description: "Larger structures this one is part of." })
  partOf(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "partOf");
  }

  @FieldResolver(() => [AnatomyGql], { description: "Structures that are part of this one." })
  parts(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "parts");
  }

  @FieldResolver(() => [ConceptGql], { description: "Conditions, symptoms and mechanisms located here." })
  involvedIn(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "involvedIn");
  }
}

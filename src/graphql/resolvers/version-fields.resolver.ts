import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { ConceptRecord, RelationRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { RelationGql } from "../types/relation.type.js";

const VERSION_DESCRIPTION = "Goes up by one with each change to it (1 as seeded); pass it as expectedVersion when you change it.";

/** A concept's version, for optimistic concurrency. */
@Resolver(() => ConceptGql)
export class ConceptVersionResolver {
  @FieldResolver(() => Int, { description: VERSION_DESCRIPTION })
  version(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext): Promise<number> {
    return ctx.services.curation.conceptVersion(concept.id);
  }
}

/** A relation's version, for optimistic concurrency. */
@Resolver(() => RelationGql)
export class RelationVersionResolver {
  @FieldResolver(() => Int, { description: VERSION_DESCRIPTION })
  version(@Root() relation: RelationRecord, @Ctx() ctx: GraphContext): Promise<number> {
    return ctx.services.curation.relationVersion(relation.id);
  }
}

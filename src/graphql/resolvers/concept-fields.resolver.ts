import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import type { RelationType } from "../../domain/relation-type.js";
import type { ConceptRecord, Direction } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { presentRelationConnection } from "../presenters/connection.presenter.js";
import { ConceptGql } from "../types/concept.interface.js";
import { RelationDirectionEnum, RelationTypeEnum } from "../types/enums.js";
import { InterventionGql, RelationConnectionGql } from "../types/results.types.js";
import { costNote } from "../limits/field-costs.js";

/** Fields every concept has, whatever its kind; inherited by each kind's object type. */
@Resolver(() => ConceptGql)
export class ConceptFieldsResolver {
  @FieldResolver(() => String, { description: "The Biolink category of the concept's kind." })
  biolinkCategory(@Root() concept: ConceptRecord): string {
    return CONCEPT_KIND_INFO[concept.kind].biolinkCategory;
  }

  @FieldResolver(() => RelationConnectionGql, { description: `The concept's relations by direction and type, paged by relation id. ${costNote("Concept.relations")}` })
  async relations(
    @Root() concept: ConceptRecord,
    @Ctx() ctx: GraphContext,
    @Arg("direction", () => RelationDirectionEnum, { nullable: true, defaultValue: "both" }) direction?: Direction,
    @Arg("types", () => [RelationTypeEnum], { nullable: true }) types?: RelationType[],
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return presentRelationConnection(await ctx.services.catalog.relations({ conceptId: concept.id, direction, types, first, after }));
  }

  @FieldResolver(() => [ConceptGql], { description: "More general concepts this one is a kind of (SUBCLASS_OF)." })
  broader(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(concept.id, "broader");
  }

  @FieldResolver(() => [ConceptGql], { description: "More specific kinds of this concept." })
  narrower(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(concept.id, "narrower");
  }

  @FieldResolver(() => [ConceptGql], { description: "What directly causes, precedes or contributes to this concept." })
  causedBy(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(concept.id, "causedBy");
  }

  @FieldResolver(() => [ConceptGql], { description: "What this concept directly causes, precedes or contributes to." })
  leadsTo(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(concept.id, "leadsTo");
  }

  @FieldResolver(() => [InterventionGql], { description: "Treatments that act on this concept directly." })
  interventions(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.explain.interventionsOn(concept);
  }
}

import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { TourStep } from "../../domain/tour.model.js";
import type { TourRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { RelationGql } from "../types/relation.type.js";
import { TourGql, TourStepGql } from "../types/tour.type.js";

@Resolver(() => TourGql)
export class TourFieldsResolver {
  @FieldResolver(() => Int, { description: "Number of steps." })
  stepCount(@Root() t: TourRecord): number {
    return t.steps.length;
  }
}

@Resolver(() => TourStepGql)
export class TourStepFieldsResolver {
  @FieldResolver(() => [ConceptGql], { description: "Concepts to highlight, in the order the narrative introduces them." })
  concepts(@Root() s: TourStep, @Ctx() ctx: GraphContext) {
    return ctx.services.tours.stepConcepts(s);
  }

  @FieldResolver(() => [RelationGql], {
    description: "Relations to highlight, in the order the narrative uses them; both ends of each are among concepts. Their evidence says where the source supports them.",
  })
  relations(@Root() s: TourStep, @Ctx() ctx: GraphContext) {
    return ctx.services.tours.stepRelations(s);
  }

  @FieldResolver(() => ConceptGql, { nullable: true, description: "The concept to centre the view on (one of concepts); null to fit them all." })
  focus(@Root() s: TourStep, @Ctx() ctx: GraphContext) {
    return ctx.services.tours.stepFocus(s);
  }
}

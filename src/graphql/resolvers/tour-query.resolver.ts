import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { tourSelectionOf } from "../planning/root-selections.js";
import { whenPlanning } from "../planning/when-planning.js";
import type { GraphContext } from "../graph-context.js";
import { TourGql } from "../types/tour.type.js";

/** The guided tours. */
@Resolver()
export class TourQueryResolver {
  @Query(() => [TourGql], { description: "Every guided tour, in the order the seed lists them." })
  tours(@Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return ctx.services.tours.tours(whenPlanning(ctx, () => tourSelectionOf(info)));
  }

  @Query(() => TourGql, { description: "One guided tour by id; NOT_FOUND when there is none, BAD_USER_INPUT for a malformed id." })
  tour(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return ctx.services.tours.tour(id, whenPlanning(ctx, () => tourSelectionOf(info)));
  }
}

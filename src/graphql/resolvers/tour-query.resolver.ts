import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphContext } from "../graph-context.js";
import { TourGql } from "../types/tour.type.js";

/** The guided tours. */
@Resolver()
export class TourQueryResolver {
  @Query(() => [TourGql], { description: "Every guided tour, in the order the seed lists them." })
  tours(@Ctx() ctx: GraphContext) {
    return ctx.services.tours.tours();
  }

  @Query(() => TourGql, { description: "One guided tour by id; NOT_FOUND when there is none, BAD_USER_INPUT for a malformed id." })
  tour(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext) {
    return ctx.services.tours.tour(id);
  }
}

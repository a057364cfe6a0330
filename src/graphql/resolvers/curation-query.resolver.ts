import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { GraphContext } from "../graph-context.js";
import { costNote } from "../limits/field-costs.js";
import { ChangeConnectionGql } from "../types/curation.payloads.js";

/** The graph version and the change history. */
@Resolver()
export class CurationQueryResolver {
  @Query(() => Int, { description: "The version of the graph: 0 as seeded, one more with each committed change. Exports carry it." })
  graphVersion(@Ctx() ctx: GraphContext): Promise<number> {
    return ctx.services.curation.graphVersion();
  }

  @Query(() => ChangeConnectionGql, { description: `The committed changes with a graph version above \`since\`, oldest first. ${costNote("Query.changes")}` })
  async changes(
    @Ctx() ctx: GraphContext,
    @Arg("since", () => Int, { nullable: true, description: "Only changes that produced a version above this one (default 0: all)." }) since?: number,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1..100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const page = await ctx.services.curation.changes({ since, first, after });
    return {
      edges: page.edges,
      nodes: page.edges.map((e) => e.node),
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: after !== undefined && after !== null, startCursor: page.edges[0]?.cursor ?? null, endCursor: page.edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}

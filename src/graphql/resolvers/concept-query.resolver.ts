import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { conceptSelectionOf } from "../planning/read-plan.builder.js";
import { relationSelectionOf } from "../planning/root-selections.js";
import { whenPlanning } from "../planning/when-planning.js";
import type { RelationType } from "../../domain/relation-type.js";
import type { ConceptOrder, Direction } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { presentRelationConnection } from "../presenters/connection.presenter.js";
import { ConceptFilterInput } from "../types/concept-filter.input.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ConceptOrderEnum, RelationDirectionEnum, RelationTypeEnum } from "../types/enums.js";
import { RelationGql } from "../types/relation.type.js";
import { ConceptConnectionGql, RelationConnectionGql } from "../types/results.types.js";
import { costNote } from "../limits/field-costs.js";

@Resolver()
export class ConceptQueryResolver {
  @Query(() => ConceptGql, { nullable: true, description: "One concept by id; NOT_FOUND when there is none." })
  concept(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return ctx.services.catalog.plannedConcept(id, whenPlanning(ctx, () => conceptSelectionOf(info)));
  }

  @Query(() => ConceptConnectionGql, { description: `Concepts, filtered and sorted, in keyset pages (first/after or last/before, at most 100). ${costNote("Query.concepts")}` })
  concepts(
    @Ctx() ctx: GraphContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("last", () => Int, { nullable: true }) last?: number,
    @Arg("before", () => String, { nullable: true }) before?: string,
    @Arg("filter", () => ConceptFilterInput, { nullable: true }) filter?: ConceptFilterInput,
    @Arg("orderBy", () => ConceptOrderEnum, { nullable: true, defaultValue: "NAME_ASC" }) orderBy?: ConceptOrder,
  ) {
    return ctx.services.catalog.concepts({
      first,
      after,
      last,
      before,
      orderBy,
      filter,
    });
  }

  @Query(() => RelationConnectionGql, { description: `A concept's relations by direction and type, paged by relation id. ${costNote("Query.relations")}` })
  async relations(
    @Arg("conceptId", () => ID) conceptId: string,
    @Ctx() ctx: GraphContext,
    @Arg("direction", () => RelationDirectionEnum, { nullable: true, defaultValue: "both" }) direction?: Direction,
    @Arg("types", () => [RelationTypeEnum], { nullable: true }) types?: RelationType[],
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return presentRelationConnection(await ctx.services.catalog.relations({ conceptId, direction, types, first, after, evidence }));
  }

  @Query(() => RelationGql, { nullable: true, description: "One relation by id; NOT_FOUND when there is none." })
  relation(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return ctx.services.catalog.plannedRelation(id, whenPlanning(ctx, () => relationSelectionOf(info)));
  }
}

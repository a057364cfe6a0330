import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { explainSelectionOf, neighborhoodSelectionOf, pathsSelectionOf, searchAllSelectionOf } from "../planning/root-selections.js";
import { whenPlanning } from "../planning/when-planning.js";
import type { ConceptKind } from "../../domain/concept-kind.js";
import type { SymptomContext } from "../../domain/qualifier.js";
import type { RelationType } from "../../domain/relation-type.js";
import type { Direction } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { presentSubgraph } from "../presenters/subgraph.presenter.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { SearchTargetEnum } from "../types/record-search-hits.types.js";
import { SearchHitInterfaceGql } from "../types/search-hit.interface.js";
import type { SearchTarget } from "../../domain/record-search-ranking.js";
import { ConceptKindEnum, RelationDirectionEnum, RelationTypeEnum, SymptomContextEnum } from "../types/enums.js";
import { ExplanationGql, PathGql, PathSearchResultGql, SearchHitGql, SubgraphGql } from "../types/results.types.js";
import { costNote } from "../limits/field-costs.js";

/** Search and the graph-shaped questions: paths, neighbourhoods and explanations. */
@Resolver()
export class GraphQueryResolver {
  @Query(() => [SearchHitGql], { description: `Full-text search over names, synonyms and summaries; tolerant of case and small typos. ${costNote("Query.search")}` })
  search(
    @Arg("text", () => String) text: string,
    @Ctx() ctx: GraphContext,
    @Arg("kinds", () => [ConceptKindEnum], { nullable: true }) kinds?: ConceptKind[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    return ctx.services.search.search({ text, kinds, first });
  }

  @Query(() => [SearchHitInterfaceGql], {
    description:
      "Search over concepts, sources (title, kind, description) and claims (text, or the title of the source they cite), " +
      "with the same typo tolerance as search, ranked together: score, then concepts before sources before claims, then " +
      "label and id. first: default 10, at most 50. Restricted to CONCEPT it answers as search does.",
  })
  searchAll(
    @Arg("text", () => String) text: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("types", () => [SearchTargetEnum], { nullable: true, description: "Kinds of record to search; all when omitted." }) types?: SearchTarget[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "Most hits to return, 1..50." }) first?: number,
  ) {
    return ctx.services.search.searchAll({ text, types, first }, whenPlanning(ctx, () => searchAllSelectionOf(info)));
  }

  @Query(() => PathSearchResultGql, { description: `All simple causal paths from one concept to another, ranked and bounded (maxHops 1..8). ${costNote("Query.causalPathways")}` })
  causalPathways(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: 6 }) maxHops?: number,
    @Arg("relationTypes", () => [RelationTypeEnum], { nullable: true, description: "Causal types to follow; all causal types when omitted." }) relationTypes?: RelationType[],
    @Arg("limit", () => Int, { nullable: true, defaultValue: 10 }) limit?: number,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.pathways.causalPathways({ from, to, maxHops, relationTypes, limit, evidence }, whenPlanning(ctx, () => pathsSelectionOf(info)));
  }

  @Query(() => PathGql, { nullable: true, description: `The best shortest path between two concepts, or null when they are not connected. ${costNote("Query.shortestPath")}` })
  shortestPath(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Ctx() ctx: GraphContext,
    @Arg("relationTypes", () => [RelationTypeEnum], { nullable: true, description: "All types when omitted." }) relationTypes?: RelationType[],
    @Arg("directed", () => Boolean, { nullable: true, defaultValue: false, description: "Follow relations only in their own direction." }) directed?: boolean,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: 10 }) maxHops?: number,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.pathways.shortestPath({ from, to, relationTypes, directed, maxHops, evidence });
  }

  @Query(() => SubgraphGql, { description: `The subgraph around a concept (depth 1..3), shaped for Cytoscape.js and D3, paged by node. ${costNote("Query.neighborhood")}` })
  async neighborhood(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("depth", () => Int, { nullable: true, defaultValue: 1 }) depth?: number,
    @Arg("direction", () => RelationDirectionEnum, { nullable: true, defaultValue: "both" }) direction?: Direction,
    @Arg("relationTypes", () => [RelationTypeEnum], { nullable: true }) relationTypes?: RelationType[],
    @Arg("kinds", () => [ConceptKindEnum], { nullable: true, description: "Only expand through and return concepts of these kinds (the centre always stays)." }) kinds?: ConceptKind[],
    @Arg("limit", () => Int, { nullable: true, defaultValue: 100, description: "Nodes per page, 1..500." }) limit?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return presentSubgraph(await ctx.services.neighborhood.neighborhood({ id, depth, direction, relationTypes, kinds, limit, after, evidence }, whenPlanning(ctx, () => neighborhoodSelectionOf(info))));
  }

  @Query(() => ExplanationGql, { description: `For a symptom or condition: the causal chains from root causes, and where each treatment acts. ${costNote("Query.explain")}` })
  explain(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: 8 }) maxHops?: number,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 20, description: "Most chains to return, 1..50." }) limit?: number,
    @Arg("context", () => SymptomContextEnum, {
      nullable: true,
      description: "Walk and place treatments only along relations that apply in this context (context-free relations apply in every one).",
    }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.explain.explain({ id, maxHops, limit, context, evidence }, whenPlanning(ctx, () => explainSelectionOf(info)));
  }
}

import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { CONCEPT_KINDS, CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import { RELATION_TYPES, RELATION_TYPE_INFO } from "../../domain/relation-type.js";
import type { GraphContext } from "../graph-context.js";
import { SourceGql } from "../types/source.type.js";
import { GraphStatsGql, VocabularyGql } from "../types/vocabulary.types.js";

/** Sources, counts and the vocabulary of kinds and relation types. */
@Resolver()
export class CatalogQueryResolver {
  @Query(() => [SourceGql], { description: "Every source, ordered by id." })
  sources(@Ctx() ctx: GraphContext) {
    return ctx.services.sources.allSources();
  }

  @Query(() => SourceGql, { nullable: true, description: "One source by id; NOT_FOUND when there is none." })
  source(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphContext) {
    return ctx.services.sources.source(id);
  }

  @Query(() => GraphStatsGql, { description: "Counts per concept kind and per relation type." })
  async graphStats(@Ctx() ctx: GraphContext) {
    const stats = await ctx.services.store.stats();
    return {
      ...stats,
      conceptsByKind: stats.conceptsByKind.map((k) => ({ kind: k.key, count: k.count })),
      relationsByType: stats.relationsByType.map((t) => ({ type: t.key, biolinkPredicate: RELATION_TYPE_INFO[t.key].biolinkPredicate, count: t.count })),
    };
  }

  @Query(() => VocabularyGql, { description: "The concept kinds and relation types with their Biolink mappings." })
  vocabulary() {
    return {
      conceptKinds: CONCEPT_KINDS.map((k) => ({
        kind: k,
        typeName: CONCEPT_KIND_INFO[k].label,
        biolinkCategory: CONCEPT_KIND_INFO[k].biolinkCategory,
        description: CONCEPT_KIND_INFO[k].description,
      })),
      relationTypes: RELATION_TYPES.map((t) => {
        const info = RELATION_TYPE_INFO[t];
        return {
          type: t,
          biolinkPredicate: info.biolinkPredicate,
          predicateMatch: info.match,
          ownPredicate: info.ownPredicate ?? null,
          causal: info.causal,
          intervention: info.intervention,
          fromKinds: info.from,
          toKinds: info.to,
          description: info.description,
        };
      }),
    };
  }
}

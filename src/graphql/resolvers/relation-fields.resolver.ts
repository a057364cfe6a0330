import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RELATION_TYPE_INFO } from "../../domain/relation-type.js";
import type { RelationRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql } from "../types/concept.interface.js";
import { PredicateMatchEnum } from "../types/enums.js";
import { EvidenceGql } from "../types/evidence.type.js";
import { EVIDENCE_LIST_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { RelationGql } from "../types/relation.type.js";

@Resolver(() => RelationGql)
export class RelationFieldsResolver {
  @FieldResolver(() => ConceptGql, { description: "The concept the relation starts at." })
  from(@Root() r: RelationRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.concept(r.from);
  }

  @FieldResolver(() => ConceptGql, { description: "The concept the relation points to." })
  to(@Root() r: RelationRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.concept(r.to);
  }

  @FieldResolver(() => String, { description: "The Biolink predicate: exact, or the nearest broader one (see predicateMatch)." })
  biolinkPredicate(@Root() r: RelationRecord): string {
    return RELATION_TYPE_INFO[r.type].biolinkPredicate;
  }

  @FieldResolver(() => PredicateMatchEnum)
  predicateMatch(@Root() r: RelationRecord): string {
    return RELATION_TYPE_INFO[r.type].match;
  }

  @FieldResolver(() => String, { nullable: true, description: "Our own predicate where Biolink has no exact one, e.g. kg:warrants." })
  ownPredicate(@Root() r: RelationRecord): string | null {
    return RELATION_TYPE_INFO[r.type].ownPredicate ?? null;
  }

  @FieldResolver(() => [EvidenceGql], { description: "Why we hold the relation, with where each source says it." })
  evidence(@Root() r: RelationRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_LIST_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.sources.evidenceOfRelation(r.id, evidence ?? null);
  }
}

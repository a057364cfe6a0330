import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql, AnatomyGql, CauseGql } from "../types/concept-kinds.types.js";

@Resolver(() => CauseGql)
export class CauseFieldsResolver {
  @FieldResolver(() => [ConceptGql], { description: "Conditions and complications the cause can lead to, directly or through a chain." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "downstreamConditions", null, evidence ?? null);
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities in the course of which the cause arises." })
  occursDuring(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "occursDuring", null, evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql])
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "location", null, evidence ?? null);
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { AnatomyGql, ComplicationGql, ConditionGql } from "../types/concept-kinds.types.js";

@Resolver(() => ComplicationGql)
export class ComplicationFieldsResolver {
  @FieldResolver(() => [ConditionGql], { description: "Conditions this complication can follow." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "complicationConditions", null, evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql])
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "location", null, evidence ?? null);
  }
}

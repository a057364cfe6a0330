import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ActivityGql, ConditionGql, TreatmentGql, WarningSignGql } from "../types/concept-kinds.types.js";

@Resolver(() => WarningSignGql)
export class WarningSignFieldsResolver {
  @FieldResolver(() => [ConditionGql])
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "warningSignConditions", null, evidence ?? null);
  }

  @FieldResolver(() => [TreatmentGql], { description: "What to do when the warning sign appears." })
  warrants(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "warrants", null, evidence ?? null);
  }

  @FieldResolver(() => [ActivityGql])
  occursDuring(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "occursDuring", null, evidence ?? null);
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ActivityGql, AnatomyGql, ConditionGql, SymptomGql, TreatmentGql } from "../types/concept-kinds.types.js";

@Resolver(() => SymptomGql)
export class SymptomFieldsResolver {
  @FieldResolver(() => [ConditionGql], { description: "Conditions that present with this symptom." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "symptomConditions", null, evidence ?? null);
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities that make the symptom worse." })
  aggravatedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "aggravatedBy", null, evidence ?? null);
  }

  @FieldResolver(() => [TreatmentGql], { description: "Treatments that ease the symptom directly." })
  relievedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "relievedBy", null, evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql], { description: "Where the symptom is felt." })
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "location", null, evidence ?? null);
  }
}

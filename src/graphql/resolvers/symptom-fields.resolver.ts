import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SymptomContext } from "../../domain/qualifier.js";
import { effectiveContext, type ContextualConcept } from "../../services/contextual-concept.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ActivityGql, AnatomyGql, ConditionGql, SymptomGql, TreatmentGql } from "../types/concept-kinds.types.js";
import { CONTEXT_ARG_DESCRIPTION, SymptomContextEnum } from "../types/enums.js";

@Resolver(() => SymptomGql)
export class SymptomFieldsResolver {
  @FieldResolver(() => [ConditionGql], { description: "Conditions that present with this symptom (in the context, when one applies)." })
  conditions(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "symptomConditions", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities that make the symptom worse (in the context, when one applies)." })
  aggravatedBy(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "aggravatedBy", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [TreatmentGql], { description: "Treatments that ease the symptom directly (in the context, when one applies)." })
  relievedBy(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "relievedBy", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql], { description: "Where the symptom is felt." })
  location(@Root() c: ContextualConcept, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "location", null, evidence ?? null);
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SymptomContext } from "../../domain/qualifier.js";
import { effectiveContext, type ContextualConcept } from "../../services/contextual-concept.js";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import {
  AnatomyGql,
  CauseGql,
  ComplicationGql,
  ConditionGql,
  MechanismGql,
  SymptomGql,
  WarningSignGql,
} from "../types/concept-kinds.types.js";
import { CONTEXT_ARG_DESCRIPTION, SymptomContextEnum } from "../types/enums.js";
import { TreatmentOptionGql } from "../types/results.types.js";

@Resolver(() => ConditionGql)
export class ConditionFieldsResolver {
  @FieldResolver(() => [CauseGql], { description: "Causes anywhere up the causal chains that lead to the condition." })
  causes(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "upstreamCauses", null, evidence ?? null);
  }

  @FieldResolver(() => [MechanismGql], { description: "Mechanisms on the causal chains that lead to the condition." })
  mechanisms(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "upstreamMechanisms", null, evidence ?? null);
  }

  @FieldResolver(() => [SymptomGql], {
    description: "Symptoms of the condition, optionally only those shown in one context; each symptom passes that context on to its own fields.",
  })
  symptoms(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "conditionSymptoms", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [TreatmentOptionGql], { description: "Treatments for the condition, each with what it acts on." })
  treatments(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.explain.treatmentOptions(c.id, evidence ?? null);
  }

  @FieldResolver(() => [WarningSignGql], { description: "Warning signs in the course of the condition (in the context, when one applies)." })
  warningSigns(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "conditionWarningSigns", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [ComplicationGql], { description: "Complications that can follow the condition (in the context, when one applies)." })
  complications(
    @Root() c: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.catalog.viewConcepts(c.id, "conditionComplications", effectiveContext(c, context), evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql], { description: "Where in the body the condition is found." })
  anatomy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "location", null, evidence ?? null);
  }
}

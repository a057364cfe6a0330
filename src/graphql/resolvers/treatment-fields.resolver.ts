import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql, TreatmentGql, WarningSignGql } from "../types/concept-kinds.types.js";
import { InterventionGql } from "../types/results.types.js";

@Resolver(() => TreatmentGql)
export class TreatmentFieldsResolver {
  @FieldResolver(() => [InterventionGql], { description: "Everything the treatment acts on, and how (treats, ameliorates, reduces, prevents)." })
  actsOn(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.explain.actionsOf(c, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "What the treatment is used for as a whole (TREATS)." })
  treats(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "treatmentTreats", null, evidence ?? null);
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities this advice stops or cuts back (LIMITS)." })
  limits(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "limits");
  }

  @FieldResolver(() => [WarningSignGql], { description: "Warning signs that call for this action." })
  warrantedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "warrantedBy", null, evidence ?? null);
  }
}

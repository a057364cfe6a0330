import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { ActivityGql, TreatmentGql } from "../types/concept-kinds.types.js";

@Resolver(() => ActivityGql)
export class ActivityFieldsResolver {
  @FieldResolver(() => [ConceptGql], { description: "Symptoms or conditions the activity makes worse." })
  aggravates(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "aggravates", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "Causes and findings that happen during the activity." })
  contextOf(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "contextOf", null, evidence ?? null);
  }

  @FieldResolver(() => [TreatmentGql], { description: "Advice that stops or cuts back the activity (LIMITS), such as staying out of sport until cleared." })
  limitedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "limitedBy");
  }
}

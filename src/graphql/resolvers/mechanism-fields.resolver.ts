import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { AnatomyGql, MechanismGql } from "../types/concept-kinds.types.js";

@Resolver(() => MechanismGql)
export class MechanismFieldsResolver {
  @FieldResolver(() => [AnatomyGql], { description: "Where in the body the mechanism takes place." })
  occursIn(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "occursIn", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "Conditions and complications the mechanism can lead to." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "downstreamConditions", null, evidence ?? null);
  }
}

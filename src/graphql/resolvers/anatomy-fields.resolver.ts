import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { ConceptGql } from "../types/concept.interface.js";
import { AnatomyGql } from "../types/concept-kinds.types.js";

@Resolver(() => AnatomyGql)
export class AnatomyFieldsResolver {
  @FieldResolver(() => [AnatomyGql], { description: "Larger structures this one is part of." })
  partOf(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "partOf", null, evidence ?? null);
  }

  @FieldResolver(() => [AnatomyGql], { description: "Structures that are part of this one." })
  parts(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "parts", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "Conditions, symptoms and mechanisms located here." })
  involvedIn(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(c.id, "involvedIn", null, evidence ?? null);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ConceptRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ActivityGql, AnatomyGql, ConditionGql, SymptomGql, TreatmentGql } from "../types/concept-kinds.types.js";

@Resolver(() => SymptomGql)
export class SymptomFieldsResolver {
  @FieldResolver(() => [ConditionGql], { description: "Conditions that present with this symptom." })
  conditions(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "symptomConditions");
  }

  @FieldResolver(() => [ActivityGql], { description: "Activities that make the symptom worse." })
  aggravatedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "aggravatedBy");
  }

  @FieldResolver(() => [TreatmentGql], { description: "Treatments that ease the symptom directly." })
  relievedBy(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "relievedBy");
  }

  @FieldResolver(() => [AnatomyGql], { description: "Where the symptom is felt." })
  location(@Root() c: ConceptRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.viewConcepts(c.id, "location");
  }
}

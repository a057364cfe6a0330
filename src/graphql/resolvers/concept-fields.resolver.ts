import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import type { SymptomContext } from "../../domain/qualifier.js";
import type { RelationType } from "../../domain/relation-type.js";
import { effectiveContext, type ContextualConcept } from "../../services/contextual-concept.js";
import type { ConceptRecord, Direction } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { EVIDENCE_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { presentRelationConnection } from "../presenters/connection.presenter.js";
import { ConceptGql } from "../types/concept.interface.js";
import { CONTEXT_ARG_DESCRIPTION, RelationDirectionEnum, RelationTypeEnum, SymptomContextEnum } from "../types/enums.js";
import { InterventionGql, RelationConnectionGql } from "../types/results.types.js";
import { costNote } from "../limits/field-costs.js";

/** Fields every concept has, whatever its kind; inherited by each kind's object type. */
@Resolver(() => ConceptGql)
export class ConceptFieldsResolver {
  @FieldResolver(() => String, { description: "The Biolink category of the concept's kind." })
  biolinkCategory(@Root() concept: ConceptRecord): string {
    return CONCEPT_KIND_INFO[concept.kind].biolinkCategory;
  }

  @FieldResolver(() => RelationConnectionGql, { description: `The concept's relations by direction and type, paged by relation id. ${costNote("Concept.relations")}` })
  async relations(
    @Root() concept: ConceptRecord,
    @Ctx() ctx: GraphContext,
    @Arg("direction", () => RelationDirectionEnum, { nullable: true, defaultValue: "both" }) direction?: Direction,
    @Arg("types", () => [RelationTypeEnum], { nullable: true }) types?: RelationType[],
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return presentRelationConnection(await ctx.services.catalog.relations({ conceptId: concept.id, direction, types, first, after, evidence }));
  }

  @FieldResolver(() => [ConceptGql], { description: "More general concepts this one is a kind of (SUBCLASS_OF)." })
  broader(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(concept.id, "broader", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "More specific kinds of this concept." })
  narrower(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(concept.id, "narrower", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "What directly causes, precedes or contributes to this concept." })
  causedBy(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(concept.id, "causedBy", null, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGql], { description: "What this concept directly causes, precedes or contributes to." })
  leadsTo(@Root() concept: ConceptRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.catalog.viewConcepts(concept.id, "leadsTo", null, evidence ?? null);
  }

  @FieldResolver(() => [InterventionGql], { description: "Treatments that act on this concept directly (in the context, when one applies)." })
  interventions(
    @Root() concept: ContextualConcept,
    @Ctx() ctx: GraphContext,
    @Arg("context", () => SymptomContextEnum, { nullable: true, description: CONTEXT_ARG_DESCRIPTION }) context?: SymptomContext,
    @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput,
  ) {
    return ctx.services.explain.interventionsOn(concept, effectiveContext(concept, context), evidence ?? null);
  }
}

import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { GraphContext } from "../graph-context.js";
import { costNote } from "../limits/field-costs.js";
import { AddEvidenceInputGql, AddRelationInputGql, CreateConceptInputGql, UpdateConceptInputGql } from "../types/curation.inputs.js";
import {
  AddEvidencePayloadGql,
  ConceptChangePayloadGql,
  RelationChangePayloadGql,
  RetractEvidencePayloadGql,
  RetractRelationPayloadGql,
} from "../types/curation.payloads.js";

const WRITE_RULES =
  "Needs a bearer token of a curator or admin (UNAUTHENTICATED without one, FORBIDDEN for a reader) and the Neo4j backend " +
  "(CURATION_REQUIRES_NEO4J otherwise). The result is checked by the seed validator (BAD_USER_INPUT naming the field); " +
  "a stale expectedVersion gets CONFLICT. A refused write changes nothing.";

/** The curation writes; each one is a single transaction, recorded in the change history. */
@Resolver()
export class CurationMutationResolver {
  @Mutation(() => ConceptChangePayloadGql, { description: `Creates a concept at version 1. ${WRITE_RULES} ${costNote("Mutation.createConcept")}` })
  createConcept(@Arg("input", () => CreateConceptInputGql) input: CreateConceptInputGql, @Ctx() ctx: GraphContext) {
    return ctx.services.curation.createConcept(input);
  }

  @Mutation(() => ConceptChangePayloadGql, { description: `Changes a concept's fields; its version goes up by one. ${WRITE_RULES} ${costNote("Mutation.updateConcept")}` })
  updateConcept(@Arg("input", () => UpdateConceptInputGql) input: UpdateConceptInputGql, @Ctx() ctx: GraphContext) {
    return ctx.services.curation.updateConcept(input);
  }

  @Mutation(() => RelationChangePayloadGql, { description: `Adds a relation with at least one evidence record, at version 1. ${WRITE_RULES} ${costNote("Mutation.addRelation")}` })
  addRelation(@Arg("input", () => AddRelationInputGql) input: AddRelationInputGql, @Ctx() ctx: GraphContext) {
    return ctx.services.curation.addRelation(input);
  }

  @Mutation(() => AddEvidencePayloadGql, { description: `Adds an evidence record to a relation; the relation's version goes up by one. ${WRITE_RULES} ${costNote("Mutation.addEvidence")}` })
  addEvidence(@Arg("input", () => AddEvidenceInputGql) input: AddEvidenceInputGql, @Ctx() ctx: GraphContext) {
    return ctx.services.curation.addEvidence(input);
  }

  @Mutation(() => RetractRelationPayloadGql, {
    description: `Retracts a relation and its evidence: gone from every read, kept in the history with the reason. ${WRITE_RULES} ${costNote("Mutation.retractRelation")}`,
  })
  retractRelation(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { description: "Why, in a sentence; required." }) reason: string,
    @Arg("expectedVersion", () => Int, { description: "The relation's version as last read." }) expectedVersion: number,
    @Ctx() ctx: GraphContext,
  ) {
    return ctx.services.curation.retractRelation({ id, reason, expectedVersion });
  }

  @Mutation(() => RetractEvidencePayloadGql, {
    description: `Retracts one evidence record (never a relation's last one: retract the relation instead); the relation's version goes up by one. ${WRITE_RULES} ${costNote("Mutation.retractEvidence")}`,
  })
  retractEvidence(
    @Arg("id", () => ID, { description: "The evidence id, e.g. some-relation#2." }) id: string,
    @Arg("reason", () => String, { description: "Why, in a sentence; required." }) reason: string,
    @Arg("expectedVersion", () => Int, { description: "The version of the evidence's relation as last read." }) expectedVersion: number,
    @Ctx() ctx: GraphContext,
  ) {
    return ctx.services.curation.retractEvidence({ id, reason, expectedVersion });
  }
}

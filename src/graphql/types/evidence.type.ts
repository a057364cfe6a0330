import { Field, ID, ObjectType } from "type-graphql";
import { AgentTypeEnum, KnowledgeLevelEnum } from "./enums.js";
import { LocatorGql } from "./locator.type.js";

@ObjectType("Evidence", { description: "Why we hold a relation: a claim in our words and where the source says it." })
export class EvidenceGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The claim, paraphrased in our own words." })
  claim!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "How the claim follows from the located passage, in our words. Set exactly when the source does not state the claim " +
      "(knowledgeLevel other than KNOWLEDGE_ASSERTION); null for stated claims.",
  })
  reasoning!: string | null;

  @Field(() => LocatorGql)
  locator!: LocatorGql;

  @Field(() => KnowledgeLevelEnum, {
    description: "KNOWLEDGE_ASSERTION: the source states the claim in the located passage. LOGICAL_ENTAILMENT: we infer it from that passage (see reasoning).",
  })
  knowledgeLevel!: string;

  @Field(() => AgentTypeEnum)
  agentType!: string;
}

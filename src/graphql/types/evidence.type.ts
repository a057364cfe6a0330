import { Field, ID, ObjectType } from "type-graphql";
import { AgentTypeEnum, KnowledgeLevelEnum } from "./enums.js";
import { LocatorGql } from "./locator.type.js";

@ObjectType("Evidence", { description: "Why we hold a relation: a claim in our words and where the source says it." })
export class EvidenceGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The claim, paraphrased in our own words." })
  claim!: string;

  @Field(() => LocatorGql)
  locator!: LocatorGql;

  @Field(() => KnowledgeLevelEnum)
  knowledgeLevel!: string;

  @Field(() => AgentTypeEnum)
  agentType!: string;
}

import { Field, ObjectType } from "type-graphql";
import { CourseEnum, FrequencyEnum, OnsetEnum, SeverityEnum, SymptomContextEnum } from "./enums.js";

@ObjectType("Qualifiers", { description: "Refinements of a relation; absent ones are null." })
export class QualifiersGql {
  @Field(() => SymptomContextEnum, { nullable: true, description: "When the relation holds: at rest, during movement or exercise; null means in every context." })
  context?: string;

  @Field(() => FrequencyEnum, { nullable: true, description: "How often or how surely the relation holds." })
  frequency?: string;

  @Field(() => OnsetEnum, { nullable: true })
  onset?: string;

  @Field(() => SeverityEnum, { nullable: true, description: "How strong it is; MINIMAL means few or no noticeable symptoms." })
  severity?: string;

  @Field(() => CourseEnum, { nullable: true, description: "How the condition runs over time, for example at first only as isolated episodes." })
  course?: string;

  @Field(() => String, { nullable: true, description: "The circumstance under which the relation holds, in our words." })
  appliesWhen?: string;

  @Field(() => String, { nullable: true, description: "When or for how long, in our words." })
  timing?: string;
}

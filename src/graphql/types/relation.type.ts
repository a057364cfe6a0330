import { Field, ID, Int, ObjectType } from "type-graphql";
import { RelationTypeEnum } from "./enums.js";
import { QualifiersGql } from "./qualifiers.type.js";

@ObjectType("Relation", { description: "A typed, directed link between two concepts, with its evidence." })
export class RelationGql {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationTypeEnum)
  type!: string;

  @Field(() => QualifiersGql)
  qualifiers!: QualifiersGql;

  @Field(() => Int, { description: "Number of evidence records." })
  evidenceCount!: number;

  @Field(() => String, { description: "The seed dataset the relation comes from." })
  dataset!: string;
}

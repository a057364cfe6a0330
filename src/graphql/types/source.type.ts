import { Field, ID, Int, ObjectType } from "type-graphql";
import { SourceKindEnum } from "./enums.js";
import { SourceSectionGql } from "./locator.type.js";

@ObjectType("Source", { description: "A source of claims: the article, or a source the article cites." })
export class SourceGql {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceKindEnum)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Int, { nullable: true, description: "Length of the source text in characters, where we hold the text." })
  length!: number | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the exact text the spans point into." })
  sha256!: string | null;

  @Field(() => [SourceSectionGql], { description: "Sections in document order." })
  sections!: SourceSectionGql[];
}

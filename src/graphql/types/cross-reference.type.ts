import { Field, ObjectType } from "type-graphql";
import { MappingMatchEnum, XrefPrefixEnum } from "./enums.js";

@ObjectType("CrossReference", { description: "A mapping of a concept to a term of a standard vocabulary." })
export class CrossReferenceGql {
  @Field(() => XrefPrefixEnum, { description: "The vocabulary, e.g. MESH or HP." })
  prefix!: string;

  @Field(() => String, { description: "Compact URI, e.g. MESH:D013035." })
  curie!: string;

  @Field(() => MappingMatchEnum, { description: "How closely the standard term matches our concept." })
  match!: string;
}

import { Field, ID, InputType } from "type-graphql";
import type { ConceptKind } from "../../domain/concept-kind.js";
import type { RelationType } from "../../domain/relation-type.js";
import { ConceptKindEnum, RelationDirectionEnum, RelationTypeEnum } from "./enums.js";

@InputType("HasRelationFilter", { description: "Keeps concepts that have at least one such relation." })
export class HasRelationFilterInput {
  @Field(() => RelationTypeEnum, { nullable: true, description: "Any type when omitted." })
  type?: RelationType | null;

  @Field(() => RelationDirectionEnum, { nullable: true, defaultValue: "both" })
  direction?: "out" | "in" | "both" | null;

  @Field(() => ID, { nullable: true, description: "Only relations whose other end is this concept." })
  to?: string | null;
}

@InputType("ConceptFilter", { description: "All given conditions must hold." })
export class ConceptFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [ConceptKindEnum], { nullable: true })
  kinds?: ConceptKind[] | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive text that must occur in the name or a synonym." })
  text?: string | null;

  @Field(() => String, { nullable: true, description: "A CURIE (MESH:D013035) or a vocabulary prefix alone (MESH)." })
  xref?: string | null;

  @Field(() => HasRelationFilterInput, { nullable: true })
  hasRelation?: HasRelationFilterInput | null;

  @Field(() => String, { nullable: true, description: "Only concepts of this seed dataset." })
  dataset?: string | null;
}

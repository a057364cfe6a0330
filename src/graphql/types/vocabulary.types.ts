import { Field, Int, ObjectType } from "type-graphql";
import { ConceptKindEnum, PredicateMatchEnum, RelationTypeEnum } from "./enums.js";

@ObjectType("ConceptKindInfo")
export class ConceptKindInfoGql {
  @Field(() => ConceptKindEnum)
  kind!: string;

  @Field(() => String, { description: "The GraphQL object type of this kind." })
  typeName!: string;

  @Field(() => String)
  biolinkCategory!: string;

  @Field(() => String)
  description!: string;
}

@ObjectType("RelationTypeInfo")
export class RelationTypeInfoGql {
  @Field(() => RelationTypeEnum)
  type!: string;

  @Field(() => String, { description: "The exact Biolink predicate, or the nearest broader one." })
  biolinkPredicate!: string;

  @Field(() => PredicateMatchEnum)
  predicateMatch!: string;

  @Field(() => String, { nullable: true, description: "Our own predicate name where Biolink has no exact one." })
  ownPredicate!: string | null;

  @Field(() => Boolean, { description: "Followed by causalPathways and explain." })
  causal!: boolean;

  @Field(() => Boolean, { description: "A treatment acting on its target." })
  intervention!: boolean;

  @Field(() => [ConceptKindEnum])
  fromKinds!: string[];

  @Field(() => [ConceptKindEnum])
  toKinds!: string[];

  @Field(() => String)
  description!: string;
}

@ObjectType("Vocabulary", { description: "The closed vocabularies of the graph and their Biolink mappings." })
export class VocabularyGql {
  @Field(() => [ConceptKindInfoGql])
  conceptKinds!: ConceptKindInfoGql[];

  @Field(() => [RelationTypeInfoGql])
  relationTypes!: RelationTypeInfoGql[];
}

@ObjectType("KindCount")
export class KindCountGql {
  @Field(() => ConceptKindEnum)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType("RelationTypeCount")
export class RelationTypeCountGql {
  @Field(() => RelationTypeEnum)
  type!: string;

  @Field(() => String)
  biolinkPredicate!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType("GraphStats", { description: "Counts over the whole graph." })
export class GraphStatsGql {
  @Field(() => Int)
  concepts!: number;

  @Field(() => Int)
  relations!: number;

  @Field(() => Int)
  evidence!: number;

  @Field(() => Int)
  sources!: number;

  @Field(() => [KindCountGql])
  conceptsByKind!: KindCountGql[];

  @Field(() => [RelationTypeCountGql])
  relationsByType!: RelationTypeCountGql[];
}

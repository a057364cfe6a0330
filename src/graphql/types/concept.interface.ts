import { Field, ID, InterfaceType } from "type-graphql";
import { CONCEPT_KIND_INFO, type ConceptKind } from "../../domain/concept-kind.js";
import { CrossReferenceGql } from "./cross-reference.type.js";
import { ConceptKindEnum } from "./enums.js";
import { LocatorGql } from "./locator.type.js";

/** The GraphQL object type name of each concept kind (Condition, WarningSign, ...). */
export function conceptTypeName(kind: ConceptKind): string {
  return CONCEPT_KIND_INFO[kind].label;
}

@InterfaceType("Concept", {
  description:
    "Any node of the knowledge graph. Each kind has its own object type with fields that follow its links. Cost: a link field (a list without a page size) is priced as 5 items, 5 × (1 + its selection); scalar fields cost 0.",
  resolveType: (value: { kind: ConceptKind }) => conceptTypeName(value.kind),
})
export abstract class ConceptGql {
  @Field(() => ID, { description: "Stable, readable id, e.g. back-muscle-spasm." })
  id!: string;

  @Field(() => ConceptKindEnum)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Other names people use; search matches them too." })
  synonyms!: string[];

  @Field(() => String, { description: "A short description in our own words." })
  summary!: string;

  @Field(() => [CrossReferenceGql], { description: "Mappings to standard vocabularies (MeSH, HPO, UBERON, DrugBank)." })
  xrefs!: CrossReferenceGql[];

  @Field(() => [LocatorGql], { description: "Where the sources discuss this concept." })
  mentions!: LocatorGql[];

  @Field(() => String, { description: "The seed dataset the concept comes from." })
  dataset!: string;
}

import { Field, ObjectType, registerEnumType } from "type-graphql";
import { SEARCH_TARGETS } from "../../domain/record-search-ranking.js";
import { EvidenceGql } from "./evidence.type.js";
import { SearchHitInterfaceGql } from "./search-hit.interface.js";
import { SourceGql } from "./source.type.js";

export const SearchTargetEnum = Object.fromEntries(SEARCH_TARGETS.map((t) => [t.toUpperCase(), t]));
registerEnumType(SearchTargetEnum, { name: "SearchTarget", description: "Kinds of record searchAll can return: concepts, sources and claims (evidence)." });

@ObjectType("SourceHit", { implements: SearchHitInterfaceGql, description: "A source matched by its title (TITLE), kind (KIND) or description (DESCRIPTION)." })
export class SourceHitGql extends SearchHitInterfaceGql {
  @Field(() => SourceGql)
  source!: SourceGql;
}

@ObjectType("EvidenceHit", {
  implements: SearchHitInterfaceGql,
  description: "A claim matched by its text (CLAIM) or by the title of the source it cites (CITED_SOURCE).",
})
export class EvidenceHitGql extends SearchHitInterfaceGql {
  @Field(() => EvidenceGql)
  evidence!: EvidenceGql;
}

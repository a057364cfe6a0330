import { Field, Float, InterfaceType } from "type-graphql";
import { SearchFieldEnum } from "./enums.js";

@InterfaceType("SearchHit", {
  description: "A search result of any kind with its relevance score; scores of concepts, sources and claims are comparable.",
  resolveType: (hit: { target?: string }) => (hit.target === "source" ? "SourceHit" : hit.target === "evidence" ? "EvidenceHit" : "ConceptHit"),
})
export abstract class SearchHitInterfaceGql {
  @Field(() => Float, { description: "Relevance: higher is better. Exact name or title matches score highest, typos lowest." })
  score!: number;

  @Field(() => SearchFieldEnum)
  matchedField!: string;

  @Field(() => String, { description: "The text that matched best." })
  matchedText!: string;
}

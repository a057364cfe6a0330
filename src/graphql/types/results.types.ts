import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConceptGql } from "./concept.interface.js";
import { TreatmentGql } from "./concept-kinds.types.js";
import { ConceptKindEnum, RelationDirectionEnum, RelationTypeEnum, SearchFieldEnum } from "./enums.js";
import { RelationGql } from "./relation.type.js";
import { SearchHitInterfaceGql } from "./search-hit.interface.js";

@ObjectType("PageInfo", { description: "Relay page information for keyset-paged lists." })
export class PageInfoGql {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType("ConceptEdge")
export class ConceptEdgeGql {
  @Field(() => String, { description: "Opaque keyset cursor; stays valid when concepts are added." })
  cursor!: string;

  @Field(() => ConceptGql)
  node!: ConceptGql;
}

@ObjectType("ConceptConnection", { description: "A page of concepts with keyset cursors." })
export class ConceptConnectionGql {
  @Field(() => [ConceptEdgeGql])
  edges!: ConceptEdgeGql[];

  @Field(() => [ConceptGql], { description: "The page's concepts, without cursors." })
  nodes!: ConceptGql[];

  @Field(() => PageInfoGql)
  pageInfo!: PageInfoGql;

  @Field(() => Int, { description: "How many concepts match the filter in all pages." })
  totalCount!: number;
}

@ObjectType("RelationEdge")
export class RelationEdgeGql {
  @Field(() => String)
  cursor!: string;

  @Field(() => RelationGql)
  node!: RelationGql;

  @Field(() => ConceptGql, { description: "The concept at the other end of the relation." })
  neighbor!: ConceptGql;

  @Field(() => RelationDirectionEnum, { description: "OUTGOING when the requested concept is the relation's source." })
  direction!: string;
}

@ObjectType("RelationConnection", { description: "A page of a concept's relations, ordered by relation id." })
export class RelationConnectionGql {
  @Field(() => [RelationEdgeGql])
  edges!: RelationEdgeGql[];

  @Field(() => [RelationGql])
  nodes!: RelationGql[];

  @Field(() => PageInfoGql)
  pageInfo!: PageInfoGql;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType("ConceptHit", { implements: SearchHitInterfaceGql, description: "A concept matched by its name (NAME), a synonym (SYNONYM) or its summary (SUMMARY)." })
export class SearchHitGql {
  @Field(() => ConceptGql)
  concept!: ConceptGql;

  @Field(() => Float, { description: "Relevance: higher is better. Exact name matches score highest, typos lowest." })
  score!: number;

  @Field(() => SearchFieldEnum)
  matchedField!: string;

  @Field(() => String, { description: "The name, synonym or summary that matched best." })
  matchedText!: string;
}

@ObjectType("PathStep", { description: "One hop of a path, in walking order." })
export class PathStepGql {
  @Field(() => ConceptGql)
  from!: ConceptGql;

  @Field(() => RelationGql)
  relation!: RelationGql;

  @Field(() => ConceptGql)
  to!: ConceptGql;

  @Field(() => Boolean, { description: "False when the walk crosses the relation against its direction." })
  forward!: boolean;
}

@ObjectType("Path", { description: "A path through the graph: its concepts in order and the relations between them." })
export class PathGql {
  @Field(() => Int)
  hops!: number;

  @Field(() => Int, { description: "Evidence records along the path, summed over its relations." })
  evidenceCount!: number;

  @Field(() => [ConceptGql])
  nodes!: ConceptGql[];

  @Field(() => [RelationGql])
  relations!: RelationGql[];
}

@ObjectType("PathSearchResult")
export class PathSearchResultGql {
  @Field(() => [PathGql], { description: "Paths ranked: fewest hops, then most evidence, then relation ids." })
  paths!: PathGql[];

  @Field(() => Boolean, { description: "True when more paths exist than the limit allowed." })
  truncated!: boolean;
}

@ObjectType("Intervention", { description: "A treatment acting on a concept, directly or through a concept that feeds into it." })
export class InterventionGql {
  @Field(() => TreatmentGql)
  treatment!: TreatmentGql;

  @Field(() => RelationGql, { description: "The relation by which the treatment acts on the target." })
  relation!: RelationGql;

  @Field(() => ConceptGql, { description: "What the treatment acts on directly." })
  target!: ConceptGql;

  @Field(() => RelationGql, { nullable: true, description: "For indirect action: how the target feeds into the concept in question." })
  viaRelation!: RelationGql | null;
}

@ObjectType("TreatmentOption", { description: "A treatment for a condition with everything it acts on." })
export class TreatmentOptionGql {
  @Field(() => TreatmentGql)
  treatment!: TreatmentGql;

  @Field(() => [InterventionGql])
  actsOn!: InterventionGql[];
}

@ObjectType("ExplanationStep")
export class ExplanationStepGql {
  @Field(() => Int, { description: "0 for the root cause." })
  position!: number;

  @Field(() => ConceptGql)
  concept!: ConceptGql;

  @Field(() => RelationGql, { nullable: true, description: "The link to the next step; null on the explained concept." })
  relationToNext!: RelationGql | null;

  @Field(() => [InterventionGql], { description: "Treatments that act at this step." })
  interventions!: InterventionGql[];
}

@ObjectType("ExplanationChain", { description: "One causal chain from a root cause to the explained concept." })
export class ExplanationChainGql {
  @Field(() => ConceptGql)
  root!: ConceptGql;

  @Field(() => Int)
  hops!: number;

  @Field(() => Int)
  evidenceCount!: number;

  @Field(() => [ExplanationStepGql])
  steps!: ExplanationStepGql[];
}

@ObjectType("Explanation", { description: "Why a symptom or condition happens and where each treatment intervenes." })
export class ExplanationGql {
  @Field(() => ConceptGql)
  target!: ConceptGql;

  @Field(() => [ExplanationChainGql], { description: "Chains ranked like paths: fewest hops, most evidence, relation ids." })
  chains!: ExplanationChainGql[];

  @Field(() => Boolean)
  truncated!: boolean;

  @Field(() => [InterventionGql], { description: "Treatments acting on the explained concept itself." })
  targetInterventions!: InterventionGql[];
}

@ObjectType("SubgraphNode", { description: "A node ready for Cytoscape.js or D3 (id, label, kind), with its concept." })
export class SubgraphNodeGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => ConceptKindEnum)
  kind!: string;

  @Field(() => Int, { description: "Hops from the centre; 0 for the centre itself." })
  depth!: number;

  @Field(() => ConceptGql)
  concept!: ConceptGql;
}

@ObjectType("SubgraphEdge", { description: "An edge ready for Cytoscape.js or D3 (id, source, target), with its relation." })
export class SubgraphEdgeGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => RelationTypeEnum)
  type!: string;

  @Field(() => String, { description: "A human label for the edge, e.g. \"causes\"." })
  label!: string;

  @Field(() => RelationGql)
  relation!: RelationGql;
}

@ObjectType("Subgraph", { description: "A neighbourhood, paged: request the next page with after: pageInfo.endCursor." })
export class SubgraphGql {
  @Field(() => ConceptGql)
  center!: ConceptGql;

  @Field(() => [SubgraphNodeGql], { description: "This page's nodes, ordered by depth, then name, then id." })
  nodes!: SubgraphNodeGql[];

  @Field(() => [SubgraphEdgeGql], { description: "Edges completed by this page's nodes; over all pages each edge comes once." })
  edges!: SubgraphEdgeGql[];

  @Field(() => Int)
  totalNodes!: number;

  @Field(() => Int)
  totalEdges!: number;

  @Field(() => PageInfoGql)
  pageInfo!: PageInfoGql;

  @Field(() => GraphQLJSON, { description: "This page as Cytoscape.js elements: pass it straight to cy.add(). Cost: 3 per node of the page." })
  cytoscapeElements!: unknown;
}

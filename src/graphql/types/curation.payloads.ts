import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ConceptGql } from "./concept.interface.js";
import { EvidenceGql } from "./evidence.type.js";
import { RelationGql } from "./relation.type.js";
import { PageInfoGql } from "./results.types.js";

@ObjectType("Change", { description: "One committed curation change: who, when, what, why, and the graph version it produced." })
export class ChangeGql {
  @Field(() => Int, { description: "The graph version this change produced (versions have no gaps)." })
  graphVersion!: number;

  @Field(() => String, { description: "When it was committed (ISO 8601, UTC)." })
  at!: string;

  @Field(() => String, { description: "Who: the principal of the token that made it." })
  principal!: string;

  @Field(() => String, { description: "The principal's role at the time." })
  role!: string;

  @Field(() => String, { description: "The mutation: createConcept, updateConcept, addRelation, addEvidence, retractRelation or retractEvidence." })
  operation!: string;

  @Field(() => [ID], { description: "The concept, relation and evidence ids it wrote." })
  targetIds!: string[];

  @Field(() => String, { nullable: true, description: "Why: the reason of a retraction." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "The optional note of a create, update or addition." })
  note!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "The written object before the change (null for an addition); a retraction keeps the full content here." })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The written object after the change (null for a retraction)." })
  after!: unknown;
}

@ObjectType("ChangeEdge")
export class ChangeEdgeGql {
  @Field(() => String)
  cursor!: string;

  @Field(() => ChangeGql)
  node!: ChangeGql;
}

@ObjectType("ChangeConnection", { description: "The change history, oldest first, keyset-paged by graph version." })
export class ChangeConnectionGql {
  @Field(() => [ChangeEdgeGql])
  edges!: ChangeEdgeGql[];

  @Field(() => [ChangeGql])
  nodes!: ChangeGql[];

  @Field(() => PageInfoGql)
  pageInfo!: PageInfoGql;

  @Field(() => Int, { description: "How many changes there are above `since`, in all pages." })
  totalCount!: number;
}

@ObjectType("ConceptChangePayload", { description: "A written concept, the graph version the write produced, and its change record." })
export class ConceptChangePayloadGql {
  @Field(() => ConceptGql)
  concept!: unknown;

  @Field(() => Int)
  graphVersion!: number;

  @Field(() => ChangeGql)
  change!: ChangeGql;
}

@ObjectType("RelationChangePayload", { description: "A written relation, the graph version the write produced, and its change record." })
export class RelationChangePayloadGql {
  @Field(() => RelationGql)
  relation!: unknown;

  @Field(() => Int)
  graphVersion!: number;

  @Field(() => ChangeGql)
  change!: ChangeGql;
}

@ObjectType("AddEvidencePayload", { description: "The added evidence record, its relation, the graph version and the change record." })
export class AddEvidencePayloadGql {
  @Field(() => EvidenceGql)
  evidence!: unknown;

  @Field(() => RelationGql)
  relation!: unknown;

  @Field(() => Int)
  graphVersion!: number;

  @Field(() => ChangeGql)
  change!: ChangeGql;
}

@ObjectType("RetractRelationPayload", { description: "The retracted relation's id (its full content stays in change.before), the graph version and the change record." })
export class RetractRelationPayloadGql {
  @Field(() => ID)
  retractedRelationId!: string;

  @Field(() => Int)
  graphVersion!: number;

  @Field(() => ChangeGql)
  change!: ChangeGql;
}

@ObjectType("RetractEvidencePayload", { description: "The retracted evidence's id (its content stays in change.before), its relation as it now stands, the graph version and the change record." })
export class RetractEvidencePayloadGql {
  @Field(() => ID)
  retractedEvidenceId!: string;

  @Field(() => RelationGql)
  relation!: unknown;

  @Field(() => Int)
  graphVersion!: number;

  @Field(() => ChangeGql)
  change!: ChangeGql;
}

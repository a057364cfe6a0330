import { FieldResolver, Resolver, Root } from "type-graphql";
import type { PathResult } from "../../services/service-results.types.js";
import { PathGql, PathStepGql } from "../types/results.types.js";

@Resolver(() => PathGql)
export class PathFieldsResolver {
  @FieldResolver(() => [PathStepGql], { description: "The path as hops: from, relation, to, and whether the hop follows the relation's direction." })
  steps(@Root() path: PathResult) {
    return path.relations.map((relation, i) => {
      const from = path.nodes[i];
      const to = path.nodes[i + 1];
      return { from, relation, to, forward: relation.from === from?.id };
    });
  }
}

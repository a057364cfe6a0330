import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("TourStep", {
  description: "One step of a guided tour: what to highlight, where to centre the view, and what to say about it.",
})
export class TourStepGql {
  @Field(() => Int, { description: "1-based place of the step in its tour." })
  position!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "What the step explains, in our own words (never quoted from a source)." })
  narrative!: string;
}

@ObjectType("Tour", { description: "A guided tour: a curated, step-by-step story through the graph, for teaching." })
export class TourGql {
  @Field(() => ID, { description: "Stable, readable id, e.g. sports-injury-to-spasm." })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "What the tour shows, in one or two sentences." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "Who the tour is written for; null when it is for anyone." })
  audience!: string | null;

  @Field(() => String, { description: "The seed dataset the tour comes from." })
  dataset!: string;

  @Field(() => [TourStepGql], { description: "The steps in order (positions 1..stepCount)." })
  steps!: TourStepGql[];
}

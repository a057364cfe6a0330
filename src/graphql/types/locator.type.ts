import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("SourceSection", { description: "A section of a source text, by its heading and character span." })
export class SourceSectionGql {
  @Field(() => String)
  id!: string;

  @Field(() => String, { nullable: true, description: "The heading as printed in the source; null where the passage has none." })
  heading!: string | null;

  @Field(() => String, { description: "The heading, or our label for an untitled passage." })
  label!: string;

  @Field(() => Int, { description: "Offset of the first character (0-based)." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character." })
  end!: number;
}

@ObjectType("Locator", { description: "Where a claim or mention sits in a source: section and [start, end) character span." })
export class LocatorGql {
  @Field(() => Int, { description: "Offset of the first character (0-based)." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character." })
  end!: number;
}

@ObjectType("PassageContext", {
  description: "A quoted passage with the text around it, clipped to its paragraph and cut to whole words, so a client can show the passage highlighted where it stands.",
})
export class PassageContextGql {
  @Field(() => String, { description: "Text of the paragraph just before the passage (may be empty)." })
  before!: string;

  @Field(() => String, { description: "The passage itself: exactly the source text at [start, end)." })
  quote!: string;

  @Field(() => String, { description: "Text of the paragraph just after the passage (may be empty)." })
  after!: string;

  @Field(() => Int, { description: "Offset where `before` begins in the source text." })
  contextStart!: number;

  @Field(() => Int, { description: "Offset just past the end of `after`." })
  contextEnd!: number;
}

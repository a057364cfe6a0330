import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { crossReferenceUrl, prefixName, type CrossReference } from "../../domain/cross-reference.js";
import type { Locator } from "../../domain/knowledge-graph.model.js";
import type { EvidenceRecord, SourceRecord } from "../../store/store.types.js";
import type { GraphContext } from "../graph-context.js";
import { ConceptGql as ConceptGqlRef } from "../types/concept.interface.js";
import { CrossReferenceGql } from "../types/cross-reference.type.js";
import { EvidenceGql } from "../types/evidence.type.js";
import { DEFAULT_CONTEXT_CHARS, MAX_CONTEXT_CHARS } from "../../domain/passage.js";
import { EVIDENCE_LIST_ARG_DESCRIPTION, EvidenceFilterInput } from "../types/evidence-filter.input.js";
import { LocatorGql, PassageContextGql, SourceSectionGql } from "../types/locator.type.js";
import { RelationGql } from "../types/relation.type.js";
import { SourceGql } from "../types/source.type.js";

@Resolver(() => EvidenceGql)
export class EvidenceFieldsResolver {
  @FieldResolver(() => SourceGql, { description: "The source the locator points into." })
  source(@Root() e: EvidenceRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.sources.source(e.sourceId);
  }

  @FieldResolver(() => SourceGql, { nullable: true, description: "The source the citing text attributes the claim to, when it names one." })
  citedSource(@Root() e: EvidenceRecord, @Ctx() ctx: GraphContext) {
    return e.citedSourceId === null ? null : ctx.services.sources.source(e.citedSourceId);
  }

  @FieldResolver(() => RelationGql)
  relation(@Root() e: EvidenceRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.catalog.relation(e.relationId);
  }
}

@Resolver(() => LocatorGql)
export class LocatorFieldsResolver {
  @FieldResolver(() => SourceGql)
  source(@Root() l: Locator, @Ctx() ctx: GraphContext) {
    return ctx.services.sources.source(l.sourceId);
  }

  @FieldResolver(() => SourceSectionGql, { description: "The section of the source holding the span." })
  section(@Root() l: Locator, @Ctx() ctx: GraphContext) {
    return ctx.services.sources.section(l.sourceId, l.sectionId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The exact passage of the source text at [start, end), read from the source file at run time (the graph stores only the span). Null when this server does not have the source's text, or has a text whose SHA-256 differs from the one the span was written against.",
  })
  quote(@Root() l: Locator, @Ctx() ctx: GraphContext) {
    return ctx.services.passages.quote(l);
  }

  @FieldResolver(() => PassageContextGql, {
    nullable: true,
    description: "The passage with the text around it in its paragraph, for showing it highlighted in place. Null when `quote` is null.",
  })
  context(
    @Root() l: Locator,
    @Ctx() ctx: GraphContext,
    @Arg("chars", () => Int, {
      defaultValue: DEFAULT_CONTEXT_CHARS,
      description: `Most characters to show on each side of the passage (0..${MAX_CONTEXT_CHARS}); fewer at a paragraph's edge.`,
    })
    chars: number,
  ) {
    return ctx.services.passages.context(l, chars);
  }
}

@Resolver(() => SourceGql)
export class SourceFieldsResolver {
  @FieldResolver(() => SourceGql, { nullable: true, description: "The source that cites this one, for sources known through a citation." })
  citedBy(@Root() s: SourceRecord, @Ctx() ctx: GraphContext) {
    return s.citedBy === null ? null : ctx.services.sources.source(s.citedBy);
  }

  @FieldResolver(() => [SourceGql], { description: "Sources this one cites." })
  cites(@Root() s: SourceRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.sources.citedBy(s.id);
  }

  @FieldResolver(() => [EvidenceGql], { description: "Claims located in this source or attributed to it, in text order." })
  claims(@Root() s: SourceRecord, @Ctx() ctx: GraphContext, @Arg("evidence", () => EvidenceFilterInput, { nullable: true, description: EVIDENCE_LIST_ARG_DESCRIPTION }) evidence?: EvidenceFilterInput) {
    return ctx.services.sources.claims(s.id, evidence ?? null);
  }

  @FieldResolver(() => [ConceptGqlRef], { description: "Concepts this source discusses." })
  concepts(@Root() s: SourceRecord, @Ctx() ctx: GraphContext) {
    return ctx.services.loaders.conceptsBySource.load(s.id);
  }
}

@Resolver(() => CrossReferenceGql)
export class CrossReferenceFieldsResolver {
  @FieldResolver(() => String, { description: "The identifier inside the vocabulary, e.g. D013035." })
  id(@Root() x: CrossReference): string {
    return x.localId;
  }

  @FieldResolver(() => String, { description: "The vocabulary's own page for the term." })
  url(@Root() x: CrossReference): string {
    return crossReferenceUrl(x.prefix, x.localId);
  }

  @FieldResolver(() => String, { description: "Human name of the vocabulary." })
  vocabulary(@Root() x: CrossReference): string {
    return prefixName(x.prefix);
  }
}

import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ExportFormat } from "../../export/export-formats.js";
import { explanationSelection, pathSearchSelection } from "../../services/subgraph-export.service.js";
import type { ExplanationResult, PathSearchResult } from "../../services/service-results.types.js";
import type { GraphContext } from "../graph-context.js";
import type { presentSubgraph } from "../presenters/subgraph.presenter.js";
import { ExportFileGql, ExportFormatEnum } from "../types/export-file.type.js";
import { ExplanationGql, PathSearchResultGql, SubgraphGql } from "../types/results.types.js";

const DESCRIPTION = "This answer's concepts and relations (with their evidence, and the sources) as export files, in the format of GET /export/{format}.";

@Resolver(() => SubgraphGql)
export class SubgraphExportResolver {
  @FieldResolver(() => [ExportFileGql], { description: `${DESCRIPTION} Holds this page's nodes and edges.` })
  export(@Root() subgraph: ReturnType<typeof presentSubgraph>, @Arg("format", () => ExportFormatEnum) format: ExportFormat, @Ctx() ctx: GraphContext) {
    return ctx.services.subgraphExports.export(format, { conceptIds: subgraph.nodes.map((n) => n.id), relationIds: subgraph.edges.map((e) => e.id) });
  }
}

@Resolver(() => PathSearchResultGql)
export class PathSearchExportResolver {
  @FieldResolver(() => [ExportFileGql], { description: `${DESCRIPTION} Holds every returned path.` })
  export(@Root() result: PathSearchResult, @Arg("format", () => ExportFormatEnum) format: ExportFormat, @Ctx() ctx: GraphContext) {
    return ctx.services.subgraphExports.export(format, pathSearchSelection(result));
  }
}

@Resolver(() => ExplanationGql)
export class ExplanationExportResolver {
  @FieldResolver(() => [ExportFileGql], { description: `${DESCRIPTION} Holds every chain and the treatments acting on it.` })
  export(@Root() result: ExplanationResult, @Arg("format", () => ExportFormatEnum) format: ExportFormat, @Ctx() ctx: GraphContext) {
    return ctx.services.subgraphExports.export(format, explanationSelection(result));
  }
}

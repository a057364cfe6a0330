import { Field, ObjectType, registerEnumType } from "type-graphql";
import { EXPORT_FORMATS } from "../../export/export-formats.js";

/** Export formats as a GraphQL enum: KGX, GRAPHML, CSV, CYTOSCAPE, valued by the format names the HTTP route takes. */
export const ExportFormatEnum = Object.fromEntries(EXPORT_FORMATS.map((f) => [f.toUpperCase(), f]));
registerEnumType(ExportFormatEnum, {
  name: "ExportFormat",
  description: "Export formats: KGX (Biolink TSV, JSON Lines and sources.json), GraphML, neo4j-admin import CSV, Cytoscape JSON.",
});

@ObjectType("ExportFile", { description: "One file of an export, as GET /export/{format}/{file} would serve it." })
export class ExportFileGql {
  @Field(() => String, { description: "File name, e.g. nodes.tsv or graph.graphml." })
  name!: string;

  @Field(() => String, { description: "Media type with charset, e.g. text/tab-separated-values; charset=utf-8." })
  mediaType!: string;

  @Field(() => String)
  text!: string;
}

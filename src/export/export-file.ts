/** One file of an export: its name inside the bundle, its media type, and its text. */
export interface ExportFile {
  readonly name: string;
  readonly mediaType: string;
  readonly text: string;
}

/**
 * Graph-level metadata written into the files. `graphVersion` is reserved for curated graph
 * versions: absent until the graph has versions, then written by every format that has a place for
 * graph-level metadata (and sent as the X-Graph-Version header). Where the graph was read from is
 * deliberately not written, so both backends export byte-identical files.
 */
export interface ExportMetadata {
  readonly graphVersion?: string;
}

/** The metadata as a JSON object, with `graph_version` only when there is one. */
export function graphMetadata(meta: ExportMetadata): Record<string, string> {
  return meta.graphVersion === undefined ? {} : { graph_version: meta.graphVersion };
}

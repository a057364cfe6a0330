/** The state a stored graph is in: equal stamps mean the same graph (see src/neo4j/cypher/graph-stamp.cypher.ts). */
export interface GraphStamp {
  /** The curation version: 0 as loaded, one more with each write. */
  readonly version: number;
  /** The load that wrote the graph; null for a graph loaded before loads were stamped. */
  readonly loadId: string | null;
}

/** True when two stamps name the same graph state. */
export function sameStamp(a: GraphStamp, b: GraphStamp): boolean {
  return a.version === b.version && a.loadId === b.loadId;
}

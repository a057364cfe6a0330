/**
 * The one ranking rule for paths, shared by every backend so they return paths in the same order:
 * fewer hops first, then more evidence records in total, then the relation ids read as a sequence.
 */
export interface RankablePath {
  readonly relations: readonly { readonly id: string; readonly evidenceCount: number }[];
}

/** Total evidence records along a path. */
export function pathEvidence(path: RankablePath): number {
  return path.relations.reduce((n, r) => n + r.evidenceCount, 0);
}

/**
 * The tie-break key: relation ids joined by a space. Ids are kebab-case, so the space sorts below any
 * id character and comparing keys equals comparing the id sequences.
 */
export function pathKey(path: RankablePath): string {
  return path.relations.map((r) => r.id).join(" ");
}

/** Orders paths best first under the shared rule. */
export function comparePaths(a: RankablePath, b: RankablePath): number {
  return (
    a.relations.length - b.relations.length ||
    pathEvidence(b) - pathEvidence(a) ||
    compareCodeUnits(pathKey(a), pathKey(b))
  );
}

/** Plain code-unit string comparison, the order Neo4j uses for strings. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";

const KNOWLEDGE_LABELS = ["Concept", "Source", "Section", "Evidence", "Xref"] as const;
const TOUR_LABELS = ["Tour", "TourStep"] as const;

/**
 * What a fingerprint covers: everything the seed owns, or only the knowledge (concepts, relations,
 * evidence, sources, sections, xrefs) without the guided tours, which are teaching material that
 * the exports leave out on purpose.
 */
export type FingerprintScope = "seed" | "knowledge";

/**
 * Every node and relationship of the scope, with labels and properties, as sorted JSON lines.
 * Two equal fingerprints mean the stored graph did not change.
 */
export async function graphFingerprint(executor: Neo4jExecutor, scope: FingerprintScope = "seed"): Promise<string[]> {
  const labels = scope === "seed" ? [...KNOWLEDGE_LABELS, ...TOUR_LABELS] : KNOWLEDGE_LABELS;
  const owned = (v: string): string => `(${labels.map((l) => `${v}:${l}`).join(" OR ")})`;
  // Labels come from the constants above, never from input.
  const rows = await executor.read({
    cypher: `
      CALL () {
        MATCH (n) WHERE ${owned("n")}
        RETURN collect({labels: labels(n), props: properties(n)}) AS nodes
      }
      CALL () {
        MATCH (a)-[r]->(b) WHERE ${scope === "seed" ? "true" : `${owned("a")} AND ${owned("b")}`}
        RETURN collect({from: coalesce(a.id, a.key, a.curie), type: type(r), to: coalesce(b.id, b.key, b.curie), props: properties(r)}) AS rels
      }
      RETURN nodes, rels`,
    params: {},
  });
  const row = rows[0] ?? {};
  const stable = (value: unknown): string =>
    JSON.stringify(value, (_k, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
    );
  const nodes = (row["nodes"] as unknown[]).map((n) => {
    const node = n as { labels: string[] };
    return stable({ ...node, labels: [...node.labels].sort() });
  });
  return [...nodes, ...(row["rels"] as unknown[]).map(stable)].sort();
}

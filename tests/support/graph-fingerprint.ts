import type { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";

/**
 * Every node and relationship the seed owns, with labels and properties, as sorted JSON lines.
 * Two equal fingerprints mean the stored graph did not change.
 */
export async function graphFingerprint(executor: Neo4jExecutor): Promise<string[]> {
  const rows = await executor.read({
    cypher: `
      CALL () {
        MATCH (n) WHERE n:Concept OR n:Source OR n:Section OR n:Evidence OR n:Xref OR n:Tour OR n:TourStep
        RETURN collect({labels: labels(n), props: properties(n)}) AS nodes
      }
      CALL () {
        MATCH (a)-[r]->(b)
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

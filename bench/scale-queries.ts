import type { Neo4jExecutor } from "../src/neo4j/neo4j-executor.js";

/** Ids drawn from a loaded graph, so each request of the scale mix asks about another concept. */
export interface IdPools {
  readonly concepts: readonly string[];
  readonly conditions: readonly string[];
  readonly pairs: readonly (readonly [string, string])[];
  readonly searchTexts: readonly string[];
}

/** One query of the scale mix: a GraphQL document and how to draw its variables. */
export interface ScaleQuery {
  readonly name: string;
  readonly query: string;
  readonly variables: (pools: IdPools, pick: (n: number) => number) => Record<string, unknown>;
}

const any = <T>(list: readonly T[], pick: (n: number) => number): T => {
  if (list.length === 0) throw new Error("empty id pool: the graph has nothing to ask about");
  return list[pick(list.length)]!;
};

/** The questions of the main mix (bench/query-mix.ts), with their ids as variables. */
export const SCALE_QUERIES: readonly ScaleQuery[] = [
  {
    name: "concept lookup",
    query: `query ($id: ID!) { concept(id: $id) { id kind name synonyms summary biolinkCategory xrefs { curie url match } } }`,
    variables: (p, pick) => ({ id: any(p.concepts, pick) }),
  },
  {
    name: "neighbourhood depth 2",
    query: `query ($id: ID!) { neighborhood(id: $id, depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
    variables: (p, pick) => ({ id: any(p.concepts, pick) }),
  },
  {
    name: "causalPathways",
    query: `query ($from: ID!, $to: ID!) { causalPathways(from: $from, to: $to) { paths { hops nodes { id name } relations { id type evidence { claim locator { start end } } } } } }`,
    variables: (p, pick) => {
      const [from, to] = any(p.pairs, pick);
      return { from, to };
    },
  },
  {
    name: "search",
    query: `query ($text: String!) { search(text: $text, first: 10) { score concept { id name kind } } }`,
    variables: (p, pick) => ({ text: any(p.searchTexts, pick) }),
  },
  {
    name: "condition overview (3 levels)",
    query: `query ($id: ID!) { concept(id: $id) { id name ... on Condition {
        symptoms { id name ... on Symptom { aggravatedBy { id name } relievedBy { id name } } }
        treatments { treatment { id name } actsOn { target { id name } relation { type } } }
        causes { id name } } } }`,
    variables: (p, pick) => ({ id: any(p.conditions, pick) }),
  },
];

/**
 * Draws the id pools from the stored graph: random concepts and conditions, pairs joined by a causal
 * chain of one to three hops, and search texts naming generated concepts (with a typo in some).
 */
export async function drawIdPools(executor: Neo4jExecutor, size: number): Promise<IdPools> {
  const column = (rows: Record<string, unknown>[], key: string) => rows.map((r) => String(r[key]));
  const concepts = column(await executor.read({ cypher: "MATCH (c:Concept) WITH c.id AS id, rand() AS r ORDER BY r LIMIT toInteger($n) RETURN id", params: { n: size } }), "id");
  const conditions = column(
    await executor.read({ cypher: "MATCH (c:Concept) WHERE c.kind = 'condition' WITH c.id AS id, rand() AS r ORDER BY r LIMIT toInteger($n) RETURN id", params: { n: size } }),
    "id",
  );
  const pairRows = await executor.read({
    cypher: `
      MATCH (a:Concept) WHERE a.kind IN ['cause', 'mechanism']
      WITH a, rand() AS r ORDER BY r LIMIT toInteger($n)
      CALL (a) {
        MATCH (a)-[:CAUSES|CONTRIBUTES_TO|PRECEDES*1..3]->(b:Concept)
        WITH b, rand() AS r ORDER BY r LIMIT 1
        RETURN b
      }
      RETURN a.id AS from, b.id AS to`,
    params: { n: size },
  });
  const pairs = pairRows.map((r) => [String(r["from"]), String(r["to"])] as const);
  const names = column(await executor.read({ cypher: "MATCH (c:Concept) WHERE c.id IN $ids RETURN c.name AS name", params: { ids: concepts.slice(0, size) } }), "name");
  // "Generated symptom 1234" → "symptom 1234", and every third one with a dropped letter, as people type.
  const searchTexts = names.map((n, i) => {
    const words = n.split(" ").slice(1).join(" ");
    return i % 3 === 0 ? words.replace(/(\w)\w/, "$1") : words;
  });
  return { concepts, conditions, pairs, searchTexts };
}

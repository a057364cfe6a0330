import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../src/config/config.js";
import { PLAYGROUND_EXAMPLES } from "../../src/http/playground-examples.js";

/** Every ```graphql block of the README, in order. */
export function readmeQueries(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? "").filter((q) => !/^\s*#\s*rejected/i.test(q));
}

/** What an explorer page asks for: a depth-3 neighbourhood of 200 nodes, and one relation's evidence with its locator. */
export const EXPLORER_QUERY = `query Explore {
  neighborhood(id: "back-muscle-spasm", depth: 3, limit: 200) {
    totalNodes totalEdges
    nodes { id label kind depth }
    edges { id source target label type }
    pageInfo { hasNextPage endCursor }
  }
  relation(id: "sports-injury-dislodges-disc") {
    type
    evidence { claim knowledgeLevel agentType locator { start end section { heading label } source { title } } }
  }
}`;

/** The queries the default budget must admit, by name: playground tabs, README examples, the explorer query. */
export function canonicalQueries(): { name: string; query: string }[] {
  return [
    ...PLAYGROUND_EXAMPLES.map((e) => ({ name: `playground: ${e.title}`, query: e.query })),
    ...readmeQueries().map((query, i) => ({ name: `README example ${i + 1}`, query })),
    { name: "explorer: neighbourhood depth 3 limit 200 + evidence", query: EXPLORER_QUERY },
  ];
}

/** The probe's crashing query: `relations(first: 100) { edges { neighbor { … } } }` nested `levels` deep. */
export function nestedRelationsQuery(levels: number, aliasesPerLevel = 1): string {
  const inner = (n: number): string => {
    if (n === 0) return "id";
    const one = (alias: string) => `${alias}relations(first: 100) { edges { neighbor { ${inner(n - 1)} } } }`;
    return ["id", ...Array.from({ length: aliasesPerLevel }, (_, i) => one(aliasesPerLevel > 1 ? `r${i}: ` : ""))].join(" ");
  };
  return `{ concept(id: "back-muscle-spasm") { ${inner(levels)} } }`;
}

/** `count` aliases of one field selection, e.g. the probe's 2,100 neighbourhoods. */
export function aliasFlood(count: number, selection: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
}

/** A selection nested `levels` deep through `broader`, the probe's parser overflow. */
export function deepNesting(levels: number): string {
  return `{ concept(id: "back-muscle-spasm") { ${"broader { ".repeat(levels)}id${" }".repeat(levels)} } }`;
}

/** Fragments that each spread the previous one twice: 2^levels fields from a short document. */
export function fragmentFanOut(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === 0 ? `fragment F0 on Concept { id name relations(first: 100) { totalCount } }` : `fragment F${i} on Concept { ...F${i - 1} broader { ...F${i - 1} } narrower { ...F${i - 1} } }`,
  );
  return `{ concept(id: "back-muscle-spasm") { ...F${levels - 1} } } ${fragments.join(" ")}`;
}

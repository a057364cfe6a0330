/** A relation with its evidence and ends, each end with its relations again, `depth` levels down. */
function relationFields(depth: number): string {
  if (depth === 0) return "id";
  return `id type evidence { claim } from { id name relations(first: 50) { edges { node { ${relationFields(depth - 1)} } } } } to { id name }`;
}

/**
 * The heaviest question the schema permits, `aliases` times over: every causal pathway (8 hops, 50
 * paths), a full explanation, and a depth-3 neighbourhood of 500 nodes, each relation expanded twice.
 */
export function worstCaseQuery(aliases: number): string {
  const part = (i: number): string => `
    p${i}: causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", maxHops: 8, limit: 50) { paths { nodes { id name } relations { ${relationFields(2)} } } }
    e${i}: explain(id: "back-muscle-spasm", maxHops: 8, limit: 50) { chains { steps { concept { id name } interventions { treatment { id } } relationToNext { ${relationFields(2)} } } } }
    n${i}: neighborhood(id: "back-muscle-spasm", depth: 3, limit: 500) { nodes { id } edges { relation { ${relationFields(2)} } } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => part(i)).join("\n")} }`;
}

/** Posts a query and returns the HTTP status, the Retry-After header and the parsed body. */
export async function postQuery(baseUrl: string, query: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

/** The distinct error codes of a GraphQL response body. */
export function errorCodes(body: { errors?: { extensions?: Record<string, unknown> }[] }): string[] {
  return [...new Set((body.errors ?? []).map((e) => String(e.extensions?.["code"])))].sort();
}

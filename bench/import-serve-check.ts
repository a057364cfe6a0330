import type { Concept } from "../src/domain/knowledge-graph.model.js";
import { findFreePort, type RunningNeo4j } from "../tools/neo4j/neo4j-server.js";
import { startApiProcess } from "./api-process.js";
import { SCALE_QUERIES } from "./scale-queries.js";

/** What asking the API for some imported concepts gave. */
export interface ServeCheck {
  /** Concepts asked for and answered with their generated id, kind, name and summary. */
  readonly matched: number;
  readonly asked: number;
  /** The first answer that differed, or null. */
  readonly firstMismatch: string | null;
  /** From spawning the compiled API against the imported store until /ready said yes. */
  readonly apiStartSeconds: number;
}

interface LookupAnswer {
  readonly data?: { readonly concept: { readonly id: string; readonly kind: string; readonly name: string; readonly summary: string } | null };
  readonly errors?: readonly { readonly message: string }[];
}

/**
 * Starts the compiled API on the imported store and sends the scale mix's concept lookup (the compiled
 * Neo4j read path) for each sample, comparing the answer with the generated concept: proof that the
 * imported graph is servable, not just countable.
 */
export async function checkServed(neo4j: RunningNeo4j, samples: readonly Concept[]): Promise<ServeCheck> {
  const api = await startApiProcess({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password }, await findFreePort());
  const lookup = SCALE_QUERIES.find((q) => q.name === "concept lookup");
  if (lookup === undefined) throw new Error("the scale mix has no concept lookup");
  let matched = 0;
  let firstMismatch: string | null = null;
  try {
    for (const c of samples) {
      const response = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: lookup.query, variables: { id: c.id } }) });
      const answer = (await response.json()) as LookupAnswer;
      const got = answer.data?.concept;
      // GraphQL spells kinds as enum values (CONDITION), the domain as words (condition).
      if (got?.id === c.id && got.kind === c.kind.toUpperCase() && got.name === c.name && got.summary === c.summary) matched++;
      else firstMismatch ??= `${c.id}: ${JSON.stringify(answer).slice(0, 300)}`;
    }
  } finally {
    await api.stop();
  }
  return { matched, asked: samples.length, firstMismatch, apiStartSeconds: api.startupMs / 1000 };
}

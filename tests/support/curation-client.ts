import { hashToken } from "../../src/auth/token-registry.js";
import type { GraphQLResponse } from "./graphql-client.js";

/** Test tokens (random per run) for each role, and the CURATION_TOKENS value that configures their hashes. */
export function curationTokens(): { curator: string; reader: string; admin: string; env: string } {
  const make = (role: string) => `${role}-${crypto.randomUUID()}`;
  const curator = make("curator");
  const reader = make("reader");
  const admin = make("admin");
  const env = JSON.stringify([
    { principal: "cora-curator", role: "curator", sha256: hashToken(curator) },
    { principal: "rita-reader", role: "reader", sha256: hashToken(reader) },
    { principal: "ada-admin", role: "admin", sha256: hashToken(admin) },
  ]);
  return { curator, reader, admin, env };
}

/** Posts an operation with an optional bearer token (or a raw Authorization header). */
export async function gqlAs<T = Record<string, unknown>>(
  baseUrl: string,
  auth: { token?: string; header?: string },
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.token !== undefined) headers["authorization"] = `Bearer ${auth.token}`;
  if (auth.header !== undefined) headers["authorization"] = auth.header;
  const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables, operationName }) });
  return (await response.json()) as GraphQLResponse<T>;
}

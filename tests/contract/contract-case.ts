import type { GraphQLResponse } from "../support/graphql-client.js";

/** Sends one GraphQL operation to the backend under test. */
export type Execute = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/**
 * One behaviour of the API, stated as a user's question. `run` talks to the API and returns what it
 * saw (the transcript); `check` asserts the behaviour on it. Backends must produce identical transcripts.
 */
export interface ContractCase<T = unknown> {
  readonly name: string;
  run(execute: Execute): Promise<T>;
  check(transcript: T): void;
}

/** A case made of a single operation whose whole response is the transcript. */
export function operation<T = Record<string, unknown>>(
  name: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  check: (response: GraphQLResponse<T>) => void,
): ContractCase<GraphQLResponse<T>> {
  return { name, run: (execute) => execute<T>(query, variables), check };
}

/** The data of a response, failing with its errors when it has any. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors !== undefined && response.errors.length > 0) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  if (response.data === null || response.data === undefined) throw new Error("response has no data");
  return response.data;
}

/** The single error of a response. */
export function onlyError(response: GraphQLResponse<unknown>) {
  if (response.errors === undefined || response.errors.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(response.errors)}`);
  const [error] = response.errors;
  if (error === undefined) throw new Error("unreachable");
  return error;
}

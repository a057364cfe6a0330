/** A GraphQL response as the server sends it. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  /** Response extensions, such as `cost`. */
  readonly extensions?: Record<string, unknown>;
}

/** Posts an operation to a running server's /graphql and returns the parsed JSON body. */
export async function gql<T = Record<string, unknown>>(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Posts an operation and returns its data, failing with the errors when there are any. */
export async function gqlData<T = Record<string, unknown>>(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(baseUrl, query, variables);
  if (result.errors !== undefined && result.errors.length > 0) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  if (result.data === null || result.data === undefined) throw new Error("GraphQL response has no data");
  return result.data;
}

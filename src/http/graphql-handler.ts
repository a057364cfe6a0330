import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { HttpGraphContext } from "./http-graph-context.js";
import type { Middleware } from "./middleware-chain.js";
import { withinResponseLimit } from "./response-size.js";

/** What the GraphQL step needs: the server, each request's context, and the largest answer it may send. */
export interface GraphqlHandlerOptions {
  readonly apollo: ApolloServer<HttpGraphContext>;
  readonly contextFor: (req: IncomingMessage) => HttpGraphContext;
  readonly maxResponseBytes: number;
}

/**
 * The last step of /graphql: hands the request (its body parsed by the JSON step before) to Apollo and writes
 * Apollo's answer with the status and headers it chose, or RESPONSE_TOO_LARGE in its place when it is over
 * maxResponseBytes. Apollo refuses what is not GraphQL over HTTP itself (a POST without a query, GET without the
 * CSRF preflight header, other methods). A failure of this step goes to the error handler.
 */
export function graphqlHandler(options: GraphqlHandlerOptions): Middleware {
  return (req, res, next) => {
    answer(options, req, res).catch(next);
  };
}

async function answer({ apollo, contextFor, maxResponseBytes }: GraphqlHandlerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new HeaderMap();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? "").toUpperCase(), headers, search: query < 0 ? "" : url.slice(query), body: (req as IncomingMessage & { body?: unknown }).body },
    context: async () => contextFor(req),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(withinResponseLimit(response.body.string, maxResponseBytes));
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

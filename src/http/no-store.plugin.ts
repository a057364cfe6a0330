import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphContext } from "../graphql/graph-context.js";

/**
 * Marks every GraphQL response `cache-control: no-store`, as Apollo's cache-control plugin did before app.ts
 * turned it off: that plugin wraps every field resolver to collect cache hints, and this schema gives none, so
 * its whole per-field cost bought only this header.
 */
export function noStorePlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has("cache-control")) response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}

import type { GraphContext } from "../graphql/graph-context.js";
import type { RequestLog } from "./request-log.js";

/** What Apollo's plugins in the HTTP layer see: the resolvers' context and the request's log line. */
export interface HttpGraphContext extends GraphContext {
  readonly requestLog: RequestLog;
}

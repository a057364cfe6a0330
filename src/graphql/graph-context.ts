import type { Logger } from "pino";
import type { GraphServices } from "../services/graph-services.js";

/** What every resolver receives: the request's services and loaders, its id, logger and rate-limit key. */
export interface GraphContext {
  /** Whom the request is counted against (see src/http/client-key.ts). */
  readonly clientKey: string;
  /** The verified principal of the request's bearer token (logged), or null; never the token. */
  readonly principal: string | null;
  readonly services: GraphServices;
  readonly requestId: string;
  readonly logger: Logger;
}

import type { Logger } from "pino";
import type { GraphServices } from "../services/graph-services.js";

/** What every resolver receives: the request's services and loaders, its id and logger. */
export interface GraphContext {
  readonly services: GraphServices;
  readonly requestId: string;
  readonly logger: Logger;
}

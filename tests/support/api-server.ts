import { pino } from "pino";
import type { RequestLimits } from "../../src/config/config.js";
import { startServer, type RunningServer } from "../../src/http/server.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";

/** Starts the real HTTP server on a free loopback port over the given store, with logging off (default request limits unless given). */
export function startTestServer(store: KnowledgeStore, requestLimits?: RequestLimits): Promise<RunningServer> {
  return startServer({ store, logger: pino({ level: "silent" }), host: "127.0.0.1", port: 0, ...(requestLimits === undefined ? {} : { requestLimits }) });
}

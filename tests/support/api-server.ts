import { pino } from "pino";
import type { RequestLimits } from "../../src/config/config.js";
import { startServer, type RunningServer } from "../../src/http/server.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";

/** Request limits of test servers: a deadline long enough that a busy shared machine never trips it by accident. */
const TEST_REQUEST_LIMITS: RequestLimits = { timeoutMs: 60_000, maxConcurrentReads: 4 };

/** Starts the real HTTP server on a free loopback port over the given store, with logging off. */
export function startTestServer(store: KnowledgeStore, requestLimits: RequestLimits = TEST_REQUEST_LIMITS): Promise<RunningServer> {
  return startServer({ store, logger: pino({ level: "silent" }), host: "127.0.0.1", port: 0, requestLimits });
}

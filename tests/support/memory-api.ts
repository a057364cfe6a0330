import type { ApiSettings, RequestLimits } from "../../src/config/config.js";
import type { RunningServer } from "../../src/http/server.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import { startTestServer } from "./api-server.js";
import { curatedGraph } from "./neo4j-test-env.js";

/** Starts the HTTP API over the in-process store built from the curated seed (request limits and API settings may be overridden). */
export async function startMemoryApi(requestLimits?: RequestLimits, settings?: ApiSettings): Promise<RunningServer> {
  return startTestServer(InMemoryKnowledgeStore.fromGraph(await curatedGraph()), { requestLimits, ...(settings === undefined ? {} : { settings }) });
}

import { pino } from "pino";
import { startServer, type RunningServer } from "../../src/http/server.js";
import { SourceTextLibrary } from "../../src/seed/source-text.library.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { SOURCE_TEXT_DIR } from "./neo4j-test-env.js";

/** Starts the real HTTP server on a free loopback port over the given store, with logging off. */
export function startTestServer(store: KnowledgeStore): Promise<RunningServer> {
  return startServer({ store, sourceTexts: new SourceTextLibrary(SOURCE_TEXT_DIR), logger: pino({ level: "silent" }), host: "127.0.0.1", port: 0 });
}

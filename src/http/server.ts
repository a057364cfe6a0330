import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { ApiSettings, RequestLimits } from "../config/config.js";
import type { CurationDeps } from "../services/curation.service.js";
import type { SourceTexts } from "../services/source-texts.port.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { createHttpApp } from "./app.js";
import { answerClientError } from "./client-error.js";

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting requests, drains in-flight ones, then closes the store. */
  close(): Promise<void>;
}

/**
 * Starts the HTTP server on host:port (port 0 picks a free one) and resolves once it listens. The
 * server's timeouts and connection cap come from settings.server: a client that sends its headers
 * slowly is cut off after headersTimeoutMs, a whole request after requestTimeoutMs.
 */
export async function startServer(options: { store: KnowledgeStore; sourceTexts: SourceTexts; logger: Logger; host: string; port: number; settings: ApiSettings; requestLimits?: RequestLimits; curation?: CurationDeps }): Promise<RunningServer> {
  const bounds = options.settings.server;
  const httpServer = createServer({
    headersTimeout: bounds.headersTimeoutMs,
    requestTimeout: bounds.requestTimeoutMs,
    keepAliveTimeout: bounds.keepAliveTimeoutMs,
    // Node checks those timeouts on this interval (30 s by default), so a short timeout needs a short check.
    connectionsCheckingInterval: Math.min(1000, bounds.headersTimeoutMs),
  });
  httpServer.maxConnections = bounds.maxConnections;
  httpServer.on("clientError", answerClientError);
  const { handler, apollo } = await createHttpApp({ store: options.store, sourceTexts: options.sourceTexts, logger: options.logger, httpServer, settings: options.settings, requestLimits: options.requestLimits, ...(options.curation === undefined ? {} : { curation: options.curation }) });
  httpServer.on("request", handler);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server: httpServer,
    async close() {
      await apollo.stop();
      await options.store.close();
    },
  };
}

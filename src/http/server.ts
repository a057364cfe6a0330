import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { SourceTexts } from "../services/source-texts.port.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { createHttpApp } from "./app.js";

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting requests, drains in-flight ones, then closes the store. */
  close(): Promise<void>;
}

/** Starts the HTTP server on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startServer(options: { store: KnowledgeStore; sourceTexts: SourceTexts; logger: Logger; host: string; port: number }): Promise<RunningServer> {
  const httpServer = createServer();
  const { app, apollo } = await createHttpApp({ store: options.store, sourceTexts: options.sourceTexts, logger: options.logger, httpServer });
  httpServer.on("request", app);
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

/** Port probing for the Bolt listener: find a free one, or check that the chosen one is free. */
import { createServer } from "node:net";
import { NEO4J_DEFAULTS } from "./options.js";

/** Resolves with a TCP port on host (default 127.0.0.1) that was free a moment ago. */
export function findFreePort(host: string = NEO4J_DEFAULTS.host): Promise<number> {
  return new Promise<number>((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePromise(port) : reject(new Error("could not determine a free port"))));
    });
  });
}

/** Resolves if host:port can be bound right now; rejects with a clear message (naming host:port and NEO4J_BOLT_PORT) if not. */
export function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${host}:${port} is already in use (another Neo4j running?). Stop it (npm run neo4j:stop), or pick another port with NEO4J_BOLT_PORT.`));
      } else {
        reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}. Pick another address with NEO4J_BOLT_HOST or port with NEO4J_BOLT_PORT.`));
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolvePromise()));
  });
}

import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request, type Response } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { formatGraphError } from "../graphql/error-formatter.js";
import type { GraphContext } from "../graphql/graph-context.js";
import { buildGraphSchema } from "../graphql/schema.builder.js";
import { createGraphServices } from "../services/graph-services.js";
import type { SourceTexts } from "../services/source-texts.port.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { apolloLoggingPlugin } from "./apollo-logging.plugin.js";
import { playgroundPage } from "./playground.page.js";
import { requestIdFor } from "./request-id.js";

export interface HttpAppDeps {
  readonly store: KnowledgeStore;
  /** Source texts for the passages that locators quote. */
  readonly sourceTexts: SourceTexts;
  readonly logger: Logger;
  readonly httpServer: Server;
}

/**
 * The Express app: POST/GET /graphql (Apollo), the offline GraphiQL playground on GET /graphql for
 * browsers, /health (liveness) and /ready (the store answers). Returns the app and its Apollo server.
 */
export async function createHttpApp(deps: HttpAppDeps): Promise<{ app: Express; apollo: ApolloServer<GraphContext> }> {
  const { store, sourceTexts, logger, httpServer } = deps;
  const apollo = new ApolloServer<GraphContext>({
    schema: await buildGraphSchema(),
    formatError: formatGraphError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns SIGINT/SIGTERM and closes the store after Apollo; two handlers racing to stop() deadlock.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), apolloLoggingPlugin()],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdFor(req);
        res.setHeader("x-request-id", id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err !== undefined || res.statusCode >= 500 ? "error" : "info"),
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/ready", async (_req, res) => {
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", backend: store.backend });
  });

  app.get("/graphql", (req: Request, res: Response, next) => {
    // Browsers get the playground; GraphQL-over-GET clients (JSON, or a query parameter) go on to Apollo.
    if (req.accepts(["application/json", "text/html"]) !== "text/html" || typeof req.query["query"] === "string") {
      next();
      return;
    }
    const page = playgroundPage();
    res.setHeader("cache-control", "public, max-age=300");
    res.setHeader("etag", page.etag);
    res.setHeader("vary", "accept, accept-encoding");
    if (req.headers["if-none-match"] === page.etag) {
      res.status(304).end();
      return;
    }
    res.type("html");
    if (req.acceptsEncodings("gzip") === "gzip") {
      res.setHeader("content-encoding", "gzip");
      res.send(page.gzipped);
    } else {
      res.send(page.html);
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        services: createGraphServices(store, sourceTexts),
        requestId: String((req as Request & { id?: unknown }).id ?? ""),
        logger: (req as Request & { log: Logger }).log,
      }),
    }),
  );

  return { app, apollo };
}

import type { IncomingMessage, RequestListener, Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { type Request, type Response } from "express";
import type { Logger } from "pino";
import type { ApiSettings } from "../config/config.js";
import { formatGraphError } from "../graphql/error-formatter.js";
import { limitValidationRules } from "../graphql/limits/limit-rules.js";
import { buildGraphSchema } from "../graphql/schema.builder.js";
import { TokenRegistry } from "../auth/token-registry.js";
import { MemoryCurationStore } from "../memory/memory-curation.store.js";
import type { CurationDeps } from "../services/curation.service.js";
import { createGraphServices } from "../services/graph-services.js";
import type { SourceTexts } from "../services/source-texts.port.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from "../config/config.js";
import { apolloLoggingPlugin } from "./apollo-logging.plugin.js";
import { authenticate, callerOf } from "./caller.js";
import { clientKeyFor } from "./client-key.js";
import { jsonErrorHandler, notFoundHandler, requestErrorAnswer } from "./error-handlers.js";
import { noStorePlugin } from "./no-store.plugin.js";
import { explorerRouter } from "./explorer.route.js";
import { graphqlHandler } from "./graphql-handler.js";
import { exportRouter } from "./export.route.js";
import { runChain, type Middleware } from "./middleware-chain.js";
import { queryLimitsPlugin } from "./query-limits.plugin.js";
import { createCostRateLimiter } from "./rate-limit.js";
import { rateLimitMiddleware } from "./rate-limit.middleware.js";
import type { HttpGraphContext } from "./http-graph-context.js";
import { requestLogMiddleware, requestLogOf } from "./request-log.js";
import { requestScopeMiddleware } from "./request-scope.middleware.js";
import { unavailableStatusPlugin } from "./unavailable-status.plugin.js";

export interface HttpAppDeps {
  readonly store: KnowledgeStore;
  /** Source texts for the passages that locators quote. */
  readonly sourceTexts: SourceTexts;
  readonly logger: Logger;
  readonly httpServer: Server;
  readonly settings: ApiSettings;
  /** Deadline and Neo4j transaction share of each request (defaults: DEFAULT_REQUEST_LIMITS). */
  readonly requestLimits?: RequestLimits;
  /**
   * Where writes go. Required with the Neo4j store; the in-process store gets one that refuses every
   * write (CURATION_REQUIRES_NEO4J) and answers graph version 0 with no history.
   */
  readonly curation?: CurationDeps;
}

/** The curation side for a store: the one given, or for the in-process store the refusing one. */
function curationFor(deps: HttpAppDeps): CurationDeps {
  if (deps.curation !== undefined) return deps.curation;
  if (deps.store.backend === "neo4j") throw new Error("the Neo4j store needs its curation store (HttpAppDeps.curation)");
  return { store: new MemoryCurationStore(), reference: () => Promise.reject(new Error("the in-process store takes no writes")) };
}

/**
 * The service's request listener: POST/GET /graphql (Apollo), the offline GraphiQL playground on GET /graphql
 * for browsers (unless settings turn it off), /health (liveness) and /ready (the store answers), JSON errors
 * for everything else. Operations are priced and limited before they run (src/graphql/limits).
 * Returns the listener and its Apollo server.
 */
export async function createHttpApp(deps: HttpAppDeps): Promise<{ handler: RequestListener; apollo: ApolloServer<HttpGraphContext> }> {
  const { store, sourceTexts, logger, httpServer, settings } = deps;
  const limiter = createCostRateLimiter(settings.rateLimit);
  const curation = curationFor(deps);
  const tokens = new TokenRegistry(settings.curationTokens);
  const apollo = new ApolloServer<HttpGraphContext>({
    schema: await buildGraphSchema(),
    formatError: formatGraphError,
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection,
    hideSchemaDetailsFromClientErrors: !settings.suggestions,
    // The token limit stops absurd nesting at parse time, before any recursive validation can overflow the stack.
    parseOptions: { maxTokens: settings.limits.maxTokens },
    validationRules: limitValidationRules(settings.limits),
    // main.ts owns SIGINT/SIGTERM and closes the store after Apollo; two handlers racing to stop() deadlock.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      apolloLoggingPlugin(),
      unavailableStatusPlugin(),
      queryLimitsPlugin({ limits: settings.limits, limiter, windowSeconds: settings.rateLimit.windowSeconds }),
    ],
  });
  await apollo.start();

  const logRequest = requestLogMiddleware(logger);
  const answerError = requestErrorAnswer({ maxBodyBytes: settings.maxBodyBytes, logger });
  const graphqlSteps: Middleware[] = [
    authenticate(tokens),
    ...(limiter === null ? [] : [rateLimitMiddleware(limiter, settings.rateLimit.windowSeconds)]),
    express.json({ limit: settings.maxBodyBytes }),
    requestScopeMiddleware(deps.requestLimits ?? DEFAULT_REQUEST_LIMITS),
    graphqlHandler({
      apollo,
      contextFor: (req) => {
        const requestLog = requestLogOf(req);
        return {
          clientKey: clientKeyFor(req),
          principal: principalOf(req),
          services: createGraphServices(store, sourceTexts, curation, callerOf(req), settings.readPlans),
          requestId: requestLog.id,
          logger,
          requestLog,
        };
      },
      maxResponseBytes: settings.maxResponseBytes,
    }),
  ];

  const app = express();
  app.disable("x-powered-by");
  app.use(logRequest);

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/ready", async (_req, res) => {
    const ready = await store.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", backend: store.backend });
  });

  if (settings.explorer) app.use(explorerRouter());

  app.use("/export", exportRouter(store, logger, () => curation.store.graphVersion()));

  app.get("/graphql", async (req: Request, res: Response, next) => {
    if (!settings.playground) {
      next();
      return;
    }
    // Browsers get the playground; GraphQL-over-GET clients (JSON, or a query parameter) go on to Apollo.
    if (req.accepts(["application/json", "text/html"]) !== "text/html" || typeof req.query["query"] === "string") {
      next();
      return;
    }
    // Loaded on the first browser visit, not at start: the renderer inlines about 9 MB of GraphiQL assets.
    const { playgroundPage } = await import("./playground.page.js");
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

  app.use("/graphql", ...graphqlSteps);

  app.use(notFoundHandler);
  app.use(jsonErrorHandler({ maxBodyBytes: settings.maxBodyBytes, logger }));

  // A GraphQL POST, nearly every request, runs the same steps without Express, whose routing and response
  // helpers cost as much CPU as the rest of a small query; everything else goes through the app.
  const direct = [logRequest, ...graphqlSteps];
  const handler: RequestListener = (req, res) => {
    if (req.method === "POST" && isGraphqlPath(req.url)) runChain(direct, req, res, (error) => answerError(error, req, res));
    else app(req, res);
  };
  return { handler, apollo };
}

/** True for the GraphQL endpoint's path exactly (a query string aside); Express routes every variant of it. */
function isGraphqlPath(url: string | undefined): boolean {
  return url === "/graphql" || (url !== undefined && url.startsWith("/graphql?"));
}

/** The verified principal's id, for logs; null for anonymous callers and unknown tokens. */
function principalOf(req: IncomingMessage): string | null {
  const caller = callerOf(req);
  return caller.kind === "principal" ? caller.principal.id : null;
}

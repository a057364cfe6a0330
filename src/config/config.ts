import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ROLES } from "../auth/roles.js";
import type { TokenEntry } from "../auth/token-registry.js";

/** The repository root, two levels above this file in src/config. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const boltUri = z
  .string()
  .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+(:\d+)?\/?$/, "must look like bolt://host:7687 or neo4j://host:7687");

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(max, `must be at most ${max}`).default(fallback);

/** What one request may use: its deadline, and how many Neo4j transactions it may hold at once. */
export interface RequestLimits {
  readonly timeoutMs: number;
  readonly maxConcurrentReads: number;
}

/** The request limits when nothing is configured. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { timeoutMs: 10_000, maxConcurrentReads: 4 };

/** "true"/"false" (or 1/0) as a boolean; absent means the default, which may depend on NODE_ENV. */
const flag = z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1");

/** CURATION_TOKENS: a JSON list of {principal, role, sha256}; only the SHA-256 of each token is configured. */
const curationTokens = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON list of {principal, role, sha256}" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(
        z.strictObject({
          principal: z.string().regex(/^[\w.@-]{1,100}$/, "principal must be 1-100 letters, digits, '.', '@', '_' or '-'"),
          role: z.enum(ROLES),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be the lower-case hex SHA-256 of the token (see README: Curation tokens)"),
        }),
      )
      .refine((list) => new Set(list.map((t) => t.sha256)).size === list.length, "lists the same token hash twice"),
  );

// --- Request-level protection (limits branch): cost, rate limit, HTTP server bounds, production switches. ---
const requestProtectionSchema = z.object({
  MAX_QUERY_COST: positiveInt(25_000, 1_000_000_000_000),
  MAX_QUERY_DEPTH: positiveInt(12, 1000),
  MAX_QUERY_ALIASES: positiveInt(30, 10_000),
  MAX_QUERY_DIRECTIVES: positiveInt(20, 10_000),
  MAX_QUERY_TOKENS: positiveInt(2000, 1_000_000),
  MAX_BODY_BYTES: positiveInt(100 * 1024, 100 * 1024 * 1024),
  MAX_RESPONSE_BYTES: positiveInt(5 * 1024 * 1024, 1024 * 1024 * 1024),
  RATE_LIMIT_ENABLED: flag.default(true),
  RATE_LIMIT_POINTS: positiveInt(100_000, 1_000_000_000),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60, 86_400),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_SUGGESTIONS: flag.optional(),
  PLAYGROUND: flag.default(true),
  EXPLORER: flag.default(true),
  READ_PLANS: flag.default(true),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(10_000, 600_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(30_000, 3_600_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt(5_000, 600_000),
  HTTP_MAX_CONNECTIONS: positiveInt(1000, 1_000_000),
  CURATION_TOKENS: curationTokens.default([]),
});

const baseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEO4J_URI: boltUri.optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(1).default("knowledge-graph-dev"),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, "must be a Neo4j database name").default("neo4j"),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt(5000, 600_000),
  NEO4J_MAX_POOL_SIZE: positiveInt(50, 1000),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt(5000, 120_000),
  NEO4J_MAX_RETRY_MS: positiveInt(3000, 120_000),
  REQUEST_TIMEOUT_MS: positiveInt(DEFAULT_REQUEST_LIMITS.timeoutMs, 600_000),
  NEO4J_MAX_TX_PER_REQUEST: positiveInt(DEFAULT_REQUEST_LIMITS.maxConcurrentReads, 100),
  READ_REPLICA: flag.default(false),
  READ_REPLICA_POLL_MS: positiveInt(1000, 600_000),
  READ_REPLICA_MAX_CONCEPTS: positiveInt(100_000, 10_000_000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0).max(65535, "must be at most 65535").default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DIR: z.string().min(1).default(path.join(REPO_ROOT, "graph-seed")),
  SOURCE_TEXT_DIR: z.string().min(1).default(path.resolve(REPO_ROOT, "..", "shared", "sources")),
});

const envSchema = baseEnvSchema.extend(requestProtectionSchema.shape);

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly queryTimeoutMs: number;
  readonly maxPoolSize: number;
  readonly connectTimeoutMs: number;
  /** How long the driver keeps retrying a transaction that failed for a transient reason. */
  readonly maxRetryMs: number;
}

/** Bounds on one GraphQL operation, checked before anything is executed. */
export interface QueryLimits {
  readonly maxCost: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
}

/** Cost points a client may spend per window; `enabled: false` turns the limiter off (tests). */
export interface RateLimitSettings {
  readonly enabled: boolean;
  readonly points: number;
  readonly windowSeconds: number;
}

/** Timeouts and connection cap of the node http.Server. */
export interface HttpServerLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
}

/** Everything the HTTP layer needs to protect itself and to decide what it exposes. */
export interface ApiSettings {
  readonly limits: QueryLimits;
  readonly maxBodyBytes: number;
  readonly maxResponseBytes: number;
  readonly rateLimit: RateLimitSettings;
  /** Schema introspection; off by default in production. */
  readonly introspection: boolean;
  /** "Did you mean …?" hints in validation errors; off by default in production. */
  readonly suggestions: boolean;
  readonly playground: boolean;
  readonly explorer: boolean;
  /** Answer planned root fields in one statement each; false answers every field level by level through the loaders. */
  readonly readPlans: boolean;
  readonly server: HttpServerLimits;
  /** The curation tokens (hashes only) that may write; empty means no write is accepted. */
  readonly curationTokens: readonly TokenEntry[];
}

/** The in-process read replica of the Neo4j graph (src/replica): how often it checks for changes, and the largest graph it copies. */
export interface ReplicaSettings {
  readonly pollMs: number;
  readonly maxConcepts: number;
}

export interface AppConfig {
  readonly env: "development" | "production" | "test";
  /** Null when NEO4J_URI is unset: the service then runs on the in-process graph. */
  readonly neo4j: Neo4jConfig | null;
  /** Null unless READ_REPLICA is on (which needs NEO4J_URI). */
  readonly replica: ReplicaSettings | null;
  readonly http: { readonly host: string; readonly port: number };
  readonly requests: RequestLimits;
  readonly logLevel: string;
  readonly seedDir: string;
  readonly sourceTextDir: string;
  readonly api: ApiSettings;
}

/** Thrown when the environment holds an invalid value; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads and validates the configuration from an environment map; throws ConfigError on the first bad value. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "environment");
    const shownValue = key.includes("PASSWORD") || key.includes("TOKEN") ? "" : ` (got "${String(cleaned[key] ?? "")}")`;
    throw new ConfigError(`Invalid configuration: ${key} ${issue?.message ?? "is invalid"}${shownValue}`);
  }
  const e = parsed.data;
  if (e.READ_REPLICA && e.NEO4J_URI === undefined) {
    throw new ConfigError("Invalid configuration: READ_REPLICA copies the Neo4j graph into the process, so it needs NEO4J_URI (without it the service already answers from the seed in process)");
  }
  return {
    env: e.NODE_ENV,
    neo4j:
      e.NEO4J_URI === undefined
        ? null
        : {
            uri: e.NEO4J_URI,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD,
            database: e.NEO4J_DATABASE,
            queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
            maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
            connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
            maxRetryMs: e.NEO4J_MAX_RETRY_MS,
          },
    replica: e.READ_REPLICA ? { pollMs: e.READ_REPLICA_POLL_MS, maxConcepts: e.READ_REPLICA_MAX_CONCEPTS } : null,
    http: { host: e.HOST, port: e.PORT },
    requests: { timeoutMs: e.REQUEST_TIMEOUT_MS, maxConcurrentReads: e.NEO4J_MAX_TX_PER_REQUEST },
    logLevel: e.LOG_LEVEL,
    seedDir: path.resolve(e.SEED_DIR),
    sourceTextDir: path.resolve(e.SOURCE_TEXT_DIR),
    api: apiSettingsFrom(e),
  };
}

/** The request-protection block of the configuration; production turns introspection and suggestions off unless asked. */
function apiSettingsFrom(e: z.infer<typeof envSchema>): ApiSettings {
  const production = e.NODE_ENV === "production";
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(`Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (got ${e.HTTP_HEADERS_TIMEOUT_MS} > ${e.HTTP_REQUEST_TIMEOUT_MS})`);
  }
  return {
    limits: {
      maxCost: e.MAX_QUERY_COST,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxTokens: e.MAX_QUERY_TOKENS,
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxResponseBytes: e.MAX_RESPONSE_BYTES,
    rateLimit: { enabled: e.RATE_LIMIT_ENABLED, points: e.RATE_LIMIT_POINTS, windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS },
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    suggestions: e.GRAPHQL_SUGGESTIONS ?? !production,
    playground: e.PLAYGROUND,
    explorer: e.EXPLORER,
    readPlans: e.READ_PLANS,
    server: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    curationTokens: e.CURATION_TOKENS,
  };
}

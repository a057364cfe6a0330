import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

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

const envSchema = z.object({
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
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0).max(65535, "must be at most 65535").default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DIR: z.string().min(1).default(path.join(REPO_ROOT, "graph-seed")),
  SOURCE_TEXT_DIR: z.string().min(1).default(path.resolve(REPO_ROOT, "..", "shared", "sources")),
});

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

export interface AppConfig {
  readonly env: "development" | "production" | "test";
  /** Null when NEO4J_URI is unset: the service then runs on the in-process graph. */
  readonly neo4j: Neo4jConfig | null;
  readonly http: { readonly host: string; readonly port: number };
  readonly requests: RequestLimits;
  readonly logLevel: string;
  readonly seedDir: string;
  readonly sourceTextDir: string;
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
    const shownValue = key.includes("PASSWORD") ? "" : ` (got "${String(cleaned[key] ?? "")}")`;
    throw new ConfigError(`Invalid configuration: ${key} ${issue?.message ?? "is invalid"}${shownValue}`);
  }
  const e = parsed.data;
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
    http: { host: e.HOST, port: e.PORT },
    requests: { timeoutMs: e.REQUEST_TIMEOUT_MS, maxConcurrentReads: e.NEO4J_MAX_TX_PER_REQUEST },
    logLevel: e.LOG_LEVEL,
    seedDir: path.resolve(e.SEED_DIR),
    sourceTextDir: path.resolve(e.SOURCE_TEXT_DIR),
  };
}

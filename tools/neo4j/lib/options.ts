/** Defaults, option types and validation for starting Neo4j, from code or from the environment. */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO_ROOT } from "./paths.js";

/** Defaults used by startNeo4j and by `npm run neo4j` when nothing else is configured. */
export const NEO4J_DEFAULTS = {
  host: "127.0.0.1",
  port: 7687,
  dataDir: join(REPO_ROOT, ".neo4j-data"),
  user: "neo4j",
  password: "knowledge-graph-dev",
  heap: "2g",
  pageCache: "1g",
  startupTimeoutMs: 120_000,
  stopGraceMs: 30_000,
} as const;

export interface StartNeo4jOptions {
  /** Bolt listen host (default 127.0.0.1). */
  host?: string;
  /** Bolt port (default 7687; use findFreePort() for private test instances). */
  port?: number;
  /** Neo4j home: data/, logs/ (default <repo>/.neo4j-data). */
  dataDir?: string;
  /** Password of user neo4j, >= 8 characters (default knowledge-graph-dev). */
  password?: string;
  /** JVM heap for -Xms/-Xmx, e.g. "2g" or "512m" (default 2g). */
  heap?: string;
  /** Neo4j page cache, e.g. "1g" or "256m" (default 1g). */
  pageCache?: string;
  /** Receives the launcher's stderr/stdout lines (default: written to process.stderr). */
  log?: (line: string) => void;
  /** Overall limit for JVM start + Bolt verification in ms (default 120000). */
  startupTimeoutMs?: number;
  /** Called once when the JVM exits for whatever reason (also after stop()). */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/** The settings `npm run neo4j` reads from the environment, all resolved and validated. */
export type Neo4jEnvOptions = Required<Pick<StartNeo4jOptions, "host" | "port" | "dataDir" | "password" | "heap" | "pageCache">>;

const SIZE_PATTERN = /^[1-9][0-9]*[kmg]$/i;

function sizeInBytes(size: string): number {
  const unit = size.slice(-1).toLowerCase();
  const factor = unit === "g" ? 1024 ** 3 : unit === "m" ? 1024 ** 2 : 1024;
  return Number(size.slice(0, -1)) * factor;
}

/** Throws a one-line Error for a port, host, password, heap or page cache Neo4j would not accept. */
export function validateOptions(o: Omit<Neo4jEnvOptions, "dataDir">): void {
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) throw new Error(`Invalid Neo4j port ${o.port} (expected 1-65535)`);
  if (o.host.trim() === "") throw new Error("Neo4j host must not be empty");
  if ([...o.password].length < 8) throw new Error("The Neo4j password must have at least 8 characters (Neo4j 5 minimum)");
  if (!SIZE_PATTERN.test(o.heap)) throw new Error(`Invalid Neo4j heap size '${o.heap}' (expected e.g. 512m or 2g)`);
  if (sizeInBytes(o.heap) < 128 * 1024 * 1024) throw new Error(`Neo4j heap '${o.heap}' is too small (at least 128m)`);
  if (!SIZE_PATTERN.test(o.pageCache)) throw new Error(`Invalid Neo4j page cache size '${o.pageCache}' (expected e.g. 256m or 1g)`);
}

/** Reads NEO4J_BOLT_HOST, NEO4J_BOLT_PORT, NEO4J_DATA_DIR, NEO4J_PASSWORD, NEO4J_HEAP, NEO4J_PAGECACHE (unset/empty = default) and returns validated options; throws one-line Errors for bad values. */
export function neo4jOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jEnvOptions {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const portText = read("NEO4J_BOLT_PORT");
  let port: number = NEO4J_DEFAULTS.port;
  if (portText !== undefined) {
    port = /^[0-9]+$/.test(portText) ? Number(portText) : Number.NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`NEO4J_BOLT_PORT='${portText}' is not a port (1-65535)`);
  }
  const host = read("NEO4J_BOLT_HOST") ?? NEO4J_DEFAULTS.host;
  if (/\s/.test(host)) throw new Error(`NEO4J_BOLT_HOST='${host}' is not a host name or IP address`);
  const password = env["NEO4J_PASSWORD"] !== undefined && env["NEO4J_PASSWORD"] !== "" ? env["NEO4J_PASSWORD"] : NEO4J_DEFAULTS.password;
  if ([...password].length < 8) throw new Error("NEO4J_PASSWORD must have at least 8 characters (Neo4j 5 minimum)");
  const heap = read("NEO4J_HEAP") ?? NEO4J_DEFAULTS.heap;
  if (!SIZE_PATTERN.test(heap)) throw new Error(`NEO4J_HEAP='${heap}' is not a size like 512m or 2g`);
  if (sizeInBytes(heap) < 128 * 1024 * 1024) throw new Error(`NEO4J_HEAP='${heap}' is too small (at least 128m)`);
  const pageCache = read("NEO4J_PAGECACHE") ?? NEO4J_DEFAULTS.pageCache;
  if (!SIZE_PATTERN.test(pageCache)) throw new Error(`NEO4J_PAGECACHE='${pageCache}' is not a size like 256m or 1g`);
  const dataDirText = read("NEO4J_DATA_DIR");
  const dataDir = dataDirText === undefined ? NEO4J_DEFAULTS.dataDir : resolve(REPO_ROOT, dataDirText);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) throw new Error(`NEO4J_DATA_DIR='${dataDirText}' exists but is not a directory`);
  return { host, port, dataDir, password, heap, pageCache };
}

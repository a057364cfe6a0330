/**
 * A real Neo4j 5.26 Community server for development and tests, without Docker.
 *
 * The server is a small Java launcher (tools/neo4j/src/main/java/kg/neo4j/EmbeddedNeo4j.java) around
 * Neo4j embedded, built with Maven from tools/neo4j/pom.xml; its dependencies come from Maven Central and
 * are cached in ~/.m2 and tools/neo4j/target/lib/. Only the Bolt connector is enabled.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, delimiter, dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";

/** Folder of this module (tools/neo4j). */
export const NEO4J_TOOL_DIR: string = dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const REPO_ROOT: string = resolve(NEO4J_TOOL_DIR, "..", "..");

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

export interface RunningNeo4j {
  /** bolt://host:port */
  uri: string;
  user: string;
  password: string;
  /** Process id of the JVM. */
  pid: number;
  /** SIGTERM, wait for a clean shutdown, SIGKILL after a grace period; resolves when the JVM is gone. Idempotent. */
  stop(): Promise<void>;
}

const POM = join(NEO4J_TOOL_DIR, "pom.xml");
const JAVA_SRC = join(NEO4J_TOOL_DIR, "src", "main", "java");
const TARGET = join(NEO4J_TOOL_DIR, "target");
const CLASSES = join(TARGET, "classes");
const LIB = join(TARGET, "lib");
const MAIN_CLASS = "kg.neo4j.EmbeddedNeo4j";
const CLASSPATH_LIST = join(TARGET, "runtime-classpath.txt");
const STAMP = join(TARGET, ".kg-build-stamp");
const BUILD_LOCK = join(TARGET, ".kg-build-lock");
const BUILD_TIMEOUT_MS = 20 * 60_000;
const MIN_JAVA = 17;
const SIZE_PATTERN = /^[1-9][0-9]*[kmg]$/i;

/** JVM flags Neo4j's own launcher uses (conf/neo4j.conf server.jvm.additional) that matter for embedded use. */
const JVM_FLAGS: readonly string[] = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+ExitOnOutOfMemoryError",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "-Dfile.encoding=UTF-8",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
];

// ------------------------------------------------------------------------------------------------
// Tooling checks

function javaCommand(): string {
  const javaHome = process.env["JAVA_HOME"];
  if (javaHome !== undefined && javaHome !== "") {
    const candidate = join(javaHome, "bin", process.platform === "win32" ? "java.exe" : "java");
    if (existsSync(candidate)) return candidate;
  }
  return "java";
}

function mavenCommand(): string {
  return process.platform === "win32" ? "mvn.cmd" : "mvn";
}

/** Major version of the java on PATH/JAVA_HOME, or null when it cannot be run. */
function javaMajorVersion(): number | null {
  const result = spawnSync(javaCommand(), ["-version"], { encoding: "utf8", timeout: 30_000 });
  if (result.error !== undefined || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (match === null || match[1] === undefined) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

function mavenWorks(): boolean {
  const result = spawnSync(mavenCommand(), ["-v"], { encoding: "utf8", timeout: 60_000 });
  return result.error === undefined && result.status === 0;
}

/** True when a Java >= 17 and Maven can be executed (does not build or download anything). */
export function javaAndMavenAvailable(): boolean {
  const major = javaMajorVersion();
  return major !== null && major >= MIN_JAVA && mavenWorks();
}

function assertJava(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new Error(`Cannot run '${javaCommand()}': a Java ${MIN_JAVA}+ JDK is needed for the local Neo4j (set JAVA_HOME or PATH).`);
  }
  if (major < MIN_JAVA) {
    throw new Error(`Java ${major} found ('${javaCommand()}'), but Neo4j 5.26 needs Java ${MIN_JAVA} or 21 (set JAVA_HOME).`);
  }
}

// ------------------------------------------------------------------------------------------------
// Build

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** Hash of everything that determines the build output: the pom and the launcher sources. */
function buildInputsHash(): string {
  const hash = createHash("sha256");
  for (const file of [POM, ...listFiles(JAVA_SRC)]) {
    hash.update(relative(NEO4J_TOOL_DIR, file).replaceAll("\\", "/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function buildIsCurrent(expectedHash: string): boolean {
  try {
    if (readFileSync(STAMP, "utf8").trim() !== expectedHash) return false;
    if (!existsSync(join(CLASSES, ...MAIN_CLASS.split(".")) + ".class")) return false;
    return readdirSync(LIB).some((name) => name.startsWith("neo4j-bolt-") && name.endsWith(".jar"));
  } catch {
    return false;
  }
}

function progress(message: string): void {
  process.stderr.write(`[neo4j] ${message}\n`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Cross-process build lock (a directory), so parallel test workers do not run Maven concurrently. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let ownerPid = Number.NaN;
      try {
        ownerPid = Number(readFileSync(join(BUILD_LOCK, "pid"), "utf8"));
      } catch {
        // lock being created or removed right now
      }
      const lockStat = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      const ageMs = lockStat === undefined ? 0 : Date.now() - lockStat.mtimeMs;
      const stale = (Number.isInteger(ownerPid) && ownerPid > 0 && !isProcessAlive(ownerPid)) || ageMs > BUILD_TIMEOUT_MS;
      if (stale) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the Neo4j build lock ${BUILD_LOCK}`);
      if (!announced) {
        progress("another process is building the Neo4j launcher; waiting ...");
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function runMaven(): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const args = ["-B", "-Dstyle.color=never", "package"];
    const child = spawn(mavenCommand(), args, { cwd: NEO4J_TOOL_DIR, stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    let downloads = 0;
    let lastReport = Date.now();
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 60) tail.shift();
      if (/^(\[INFO\] )?Downloaded from /.test(line)) {
        downloads += 1;
        if (Date.now() - lastReport > 10_000) {
          progress(`  ... ${downloads} artifacts downloaded from Maven Central so far`);
          lastReport = Date.now();
        }
      } else if (/^\[(ERROR|WARNING)\]/.test(line) && !line.includes("deprecated")) {
        progress(`  mvn: ${line}`);
      }
    };
    createInterface({ input: child.stdout }).on("line", onLine);
    createInterface({ input: child.stderr }).on("line", onLine);
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot run Maven ('${mavenCommand()}'): ${error.message}. Install Maven 3.8+ to build the local Neo4j.`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        if (downloads > 0) progress(`  ${downloads} artifacts downloaded (cached in ~/.m2 from now on)`);
        resolvePromise();
      } else {
        const reason = signal !== null ? `was killed (${signal})` : `failed with exit code ${code}`;
        reject(new Error(`Building the Neo4j launcher (mvn ${args.join(" ")} in ${NEO4J_TOOL_DIR}) ${reason}:\n${tail.slice(-30).join("\n")}`));
      }
    });
  });
}

/**
 * Removes jars from target/lib that the current pom no longer needs (e.g. after a Neo4j version bump), using the list
 * the build wrote. target/lib is not wiped before building, so JVMs that are running from it keep working.
 */
function pruneStaleJars(): void {
  const wanted = new Set(
    readFileSync(CLASSPATH_LIST, "utf8")
      .trim()
      .split(delimiter)
      .map((entry) => basename(entry)),
  );
  if (wanted.size === 0) throw new Error(`${CLASSPATH_LIST} is empty; the Maven build looks broken`);
  for (const name of readdirSync(LIB)) {
    if (name.endsWith(".jar") && !wanted.has(name)) rmSync(join(LIB, name), { force: true });
  }
}

let buildPromise: Promise<void> | null = null;

/** Builds tools/neo4j with Maven unless target/ already matches pom.xml + launcher sources (hash stamp); rejects with a clear message if java/mvn are missing or the build fails. */
export function ensureNeo4jBuilt(): Promise<void> {
  buildPromise ??= doEnsureBuilt().catch((error: unknown) => {
    buildPromise = null; // allow a retry after e.g. a network failure
    throw error;
  });
  return buildPromise;
}

async function doEnsureBuilt(): Promise<void> {
  if (buildIsCurrent(buildInputsHash())) return;
  assertJava();
  if (!mavenWorks()) {
    throw new Error(`Cannot run '${mavenCommand()}': Maven 3.8+ is needed once to build the local Neo4j (tools/neo4j/pom.xml).`);
  }
  await withBuildLock(async () => {
    const hash = buildInputsHash();
    if (buildIsCurrent(hash)) return; // someone else built it while we waited
    progress("building the Neo4j launcher with Maven (the first run downloads ~130 MB into ~/.m2) ...");
    const started = Date.now();
    rmSync(STAMP, { force: true });
    await runMaven();
    pruneStaleJars();
    writeFileSync(STAMP, `${hash}\n`);
    progress(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

// ------------------------------------------------------------------------------------------------
// Start / stop

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
        reject(new Error(`Port ${host}:${port} is already in use (another Neo4j running?). Stop it, or pick another port with NEO4J_BOLT_PORT.`));
      } else {
        reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}`));
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolvePromise()));
  });
}

function validateOptions(o: Required<Pick<StartNeo4jOptions, "host" | "port" | "password" | "heap" | "pageCache">>): void {
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) throw new Error(`Invalid Neo4j port ${o.port} (expected 1-65535)`);
  if (o.host.trim() === "") throw new Error("Neo4j host must not be empty");
  if ([...o.password].length < 8) throw new Error("The Neo4j password must have at least 8 characters (Neo4j 5 minimum)");
  if (!SIZE_PATTERN.test(o.heap)) throw new Error(`Invalid Neo4j heap size '${o.heap}' (expected e.g. 512m or 2g)`);
  if (sizeInBytes(o.heap) < 128 * 1024 * 1024) throw new Error(`Neo4j heap '${o.heap}' is too small (at least 128m)`);
  if (!SIZE_PATTERN.test(o.pageCache)) throw new Error(`Invalid Neo4j page cache size '${o.pageCache}' (expected e.g. 256m or 1g)`);
}

function sizeInBytes(size: string): number {
  const unit = size.slice(-1).toLowerCase();
  const factor = unit === "g" ? 1024 ** 3 : unit === "m" ? 1024 ** 2 : 1024;
  return Number(size.slice(0, -1)) * factor;
}

/** Tries driver.verifyConnectivity() and RETURN 1 until it works or the deadline passes; auth errors fail at once. */
async function verifyBolt(uri: string, user: string, password: string, deadline: number): Promise<void> {
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      connectionTimeout: 5_000,
      maxConnectionPoolSize: 1,
      disableLosslessIntegers: true,
    });
    try {
      await driver.verifyConnectivity();
      const session = driver.session();
      try {
        const result = await session.run("RETURN 1 AS ok");
        const ok: unknown = result.records[0]?.get("ok");
        if (ok !== 1) throw new Error(`RETURN 1 answered ${String(ok)}`);
        return;
      } finally {
        await session.close();
      }
    } catch (error) {
      lastError = error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && code.startsWith("Neo.ClientError.Security.")) {
        throw new Error(`Bolt is up at ${uri} but rejects user '${user}': ${(error as Error).message}`);
      }
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Bolt at ${uri} did not answer RETURN 1 in time: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** Builds if needed, starts a Neo4j JVM (Bolt only) and resolves once the driver can log in and run RETURN 1; rejects with the JVM's output tail on failure or timeout (the JVM is then killed). */
export async function startNeo4j(options: StartNeo4jOptions = {}): Promise<RunningNeo4j> {
  const host = options.host ?? NEO4J_DEFAULTS.host;
  const port = options.port ?? NEO4J_DEFAULTS.port;
  const dataDir = resolve(options.dataDir ?? NEO4J_DEFAULTS.dataDir);
  const password = options.password ?? NEO4J_DEFAULTS.password;
  const heap = options.heap ?? NEO4J_DEFAULTS.heap;
  const pageCache = options.pageCache ?? NEO4J_DEFAULTS.pageCache;
  const timeoutMs = options.startupTimeoutMs ?? NEO4J_DEFAULTS.startupTimeoutMs;
  const log = options.log ?? ((line: string): void => void process.stderr.write(`${line}\n`));
  const user = NEO4J_DEFAULTS.user;
  validateOptions({ host, port, password, heap, pageCache });

  await ensureNeo4jBuilt();
  await assertPortFree(host, port);
  mkdirSync(dataDir, { recursive: true });

  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    "-cp",
    `${CLASSES}${delimiter}${join(LIB, "*")}`,
    MAIN_CLASS,
    "--host",
    host,
    "--port",
    String(port),
    "--data-dir",
    dataDir,
    "--page-cache",
    pageCache,
    "--exit-on-stdin-eof", // the JVM stops when our end of its stdin closes, i.e. when this process dies
  ];
  const startedAt = Date.now();
  const child = spawn(javaCommand(), args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NEO4J_PASSWORD: password }, // not on the command line, so not visible in `ps`
    stdio: ["pipe", "pipe", "pipe"],
  });

  const tail: string[] = [];
  let errorLine: string | null = null;
  let readyUri: string | null = null;
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const remember = (line: string): void => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };

  const exited = new Promise<void>((resolveExit) => {
    const onGone = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (exitInfo !== null) return;
      exitInfo = { code, signal };
      process.removeListener("exit", killOnParentExit);
      resolveExit();
      options.onExit?.(code, signal);
    };
    child.on("exit", onGone);
    child.on("error", () => {
      if (child.pid === undefined) onGone(null, null); // spawn itself failed (e.g. no java): there will be no 'exit'
    });
  });
  // Last resort if the Node process exits without stop(): a synchronous SIGTERM lets the JVM shut down cleanly
  // on its own. (If this process is SIGKILLed, --exit-on-stdin-eof stops the JVM instead.)
  const killOnParentExit = (): void => {
    if (exitInfo === null) child.kill("SIGTERM");
  };
  process.on("exit", killOnParentExit);

  const ready = new Promise<string>((resolveReady, rejectReady) => {
    child.on("error", (error) => rejectReady(new Error(`Cannot start '${javaCommand()}': ${error.message}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^NEO4J_READY (\S+)$/.exec(line);
      if (match?.[1] !== undefined && readyUri === null) {
        readyUri = match[1];
        resolveReady(readyUri);
        return;
      }
      remember(line);
      log(line);
    });
    createInterface({ input: child.stderr }).on("line", (line) => {
      remember(line);
      if (line.startsWith("NEO4J_ERROR ")) errorLine = line.slice("NEO4J_ERROR ".length); // reported via the rejection
      else log(line);
    });
    void exited.then(() => {
      if (readyUri !== null) return;
      const how = exitInfo?.signal ? `was killed by ${exitInfo.signal}` : `exited with code ${exitInfo?.code}`;
      rejectReady(new Error(errorLine !== null ? `Neo4j failed to start: ${errorLine}` : `Neo4j ${how} before it was ready:\n${tail.join("\n")}`));
    });
  });
  ready.catch(() => undefined); // a late rejection (after a timeout already won) must not become unhandled
  child.stdin.on("error", () => undefined); // EPIPE after the JVM died is not interesting

  let stopPromise: Promise<void> | null = null;
  const stopWithin = (graceMs: number): Promise<void> => {
    stopPromise ??= (async () => {
      if (exitInfo === null) {
        child.kill("SIGTERM");
        const graceful = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
        if (!graceful && exitInfo === null) {
          child.kill("SIGKILL");
          await exited;
        }
      }
      child.stdin.destroy();
    })();
    return stopPromise;
  };
  const stop = (): Promise<void> => stopWithin(NEO4J_DEFAULTS.stopGraceMs);

  const deadline = startedAt + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rejectTimeout) => {
    timer = setTimeout(() => rejectTimeout(new Error(`Neo4j did not become ready within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const uri = await Promise.race([ready, timeout]);
    await Promise.race([verifyBolt(uri, user, password, deadline), timeout]);
    return { uri, user, password, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stopWithin(5_000); // failed or stuck start: do not wait long before SIGKILL
    const message = error instanceof Error ? error.message : String(error);
    const detail = message.includes("\n") || errorLine !== null ? "" : `\n--- last output of the Neo4j JVM ---\n${tail.join("\n")}`;
    throw new Error(`${message}${detail}`);
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

// ------------------------------------------------------------------------------------------------
// Environment

/** Reads NEO4J_BOLT_HOST, NEO4J_BOLT_PORT, NEO4J_DATA_DIR, NEO4J_PASSWORD, NEO4J_HEAP, NEO4J_PAGECACHE (unset/empty = default) and returns validated options; throws one-line Errors for bad values. */
export function neo4jOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<Pick<StartNeo4jOptions, "host" | "port" | "dataDir" | "password" | "heap" | "pageCache">> {
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

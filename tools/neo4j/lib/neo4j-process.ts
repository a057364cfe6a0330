/** Launching the Neo4j JVM (Bolt only), watching its output until it is ready, and stopping it. */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { verifyBolt } from "./bolt-readiness.js";
import { javaCommand } from "./java-tooling.js";
import { ensureNeo4jBuilt } from "./maven-build.js";
import { NEO4J_DEFAULTS, type StartNeo4jOptions, validateOptions } from "./options.js";
import { CLASSES, LIB, MAIN_CLASS, REPO_ROOT } from "./paths.js";
import { assertPortFree } from "./ports.js";
import { delay } from "./process-liveness.js";

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

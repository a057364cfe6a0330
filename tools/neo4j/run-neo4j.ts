/**
 * `npm run neo4j`: a local Neo4j 5.26 (Bolt only) in the foreground, no Docker needed.
 *
 * Environment (all optional):
 *   NEO4J_BOLT_HOST  listen host                      (default 127.0.0.1)
 *   NEO4J_BOLT_PORT  Bolt port                        (default 7687)
 *   NEO4J_DATA_DIR   Neo4j home: data/ and logs/      (default .neo4j-data at the repo root)
 *   NEO4J_PASSWORD   password of user neo4j, >= 8 ch  (default knowledge-graph-dev)
 *   NEO4J_HEAP       JVM heap (-Xms/-Xmx)             (default 2g)
 *   NEO4J_PAGECACHE  Neo4j page cache                 (default 1g)
 *
 * While it runs, <data dir>/neo4j.pid records this process, the JVM, the port and the data directory;
 * `npm run neo4j:stop` (stop-neo4j.ts) uses it to stop exactly this instance. The file is removed on exit.
 *
 * Exit codes: 0 after Ctrl-C/SIGTERM, 1 when Neo4j cannot start or dies, 2 for invalid settings.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { isOurLauncher, processStartTicks, readPidFile, removePidFileOf, writePidFile, type Neo4jPidRecord } from "./lib/pid-file.js";
import { ensureNeo4jBuilt, neo4jOptionsFromEnv, type Neo4jEnvOptions, type RunningNeo4j, startNeo4j } from "./neo4j-server.js";

type Options = Neo4jEnvOptions;

function oneLine(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parent pid of pid from /proc (Linux), or null when unknown. */
function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // comm may contain spaces and parentheses
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/**
 * Calls onGone once a process of our launch chain (tsx, sh -c, npm) has gone away. Covers `kill <npm pid>`:
 * npm forwards SIGTERM to its `sh -c`, which dies without passing it on, leaving tsx and us running.
 * Linux only (uses /proc); elsewhere it does nothing.
 */
function watchAncestors(onGone: (pid: number) => void): void {
  if (parentPid(process.pid) === null) return;
  // Watch the launch chain up to and including npm/npx (tsx, sh -c, npm), not the user's shell: `nohup npm run neo4j &`
  // must survive the shell. Without npm in the chain only the direct parent is watched.
  const chain: number[] = [];
  let npmFound = false;
  for (let pid: number | null = process.ppid; pid !== null && pid > 1 && chain.length < 8; pid = parentPid(pid)) {
    chain.push(pid);
    if (/(^|[/\0 ])(npm|npx)(-cli\.js)?([\0 ]|$)/.test(commandLine(pid))) {
      npmFound = true;
      break;
    }
  }
  const ancestors = npmFound ? chain : chain.slice(0, 1);
  if (ancestors.length === 0) return;
  const timer = setInterval(() => {
    for (const pid of ancestors) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === "EPERM";
      }
      if (!alive) {
        clearInterval(timer);
        onGone(pid);
        return;
      }
    }
  }, 1_000);
  timer.unref();
}

/** Starts Neo4j from the environment, stays in the foreground and stops it cleanly on SIGINT/SIGTERM/SIGHUP. */
async function main(): Promise<number> {
  let options: Options;
  try {
    options = neo4jOptionsFromEnv(process.env);
  } catch (error) {
    console.error(`neo4j: ${oneLine(error)}`);
    return 2;
  }

  const existing = readPidFile(options.dataDir);
  if (typeof existing === "object" && existing.pid !== process.pid && isOurLauncher(existing)) {
    console.error(`neo4j: already running for ${options.dataDir} (pid ${existing.pid}, Bolt port ${existing.port}); stop it with \`npm run neo4j:stop\`, or use another NEO4J_DATA_DIR`);
    return 1;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const record: Neo4jPidRecord = { pid: process.pid, startTicks: processStartTicks(process.pid), jvmPid: null, jvmStartTicks: null, host: options.host, port: options.port, dataDir: options.dataDir };
  writePidFile(record);
  process.on("exit", () => removePidFileOf(options.dataDir, process.pid));

  let running: RunningNeo4j | null = null;
  let stopping = false;
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolveDone = r));

  const onSignal = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (running === null) {
      // still building/starting: the 'exit' hook in neo4j-server.ts terminates a JVM that is already spawned
      console.error(`neo4j: ${signal} during startup, aborting`);
      process.exit(130);
    }
    console.error(`neo4j: ${signal}, stopping Neo4j ...`);
    running.stop().then(
      () => resolveDone(0),
      (error: unknown) => {
        console.error(`neo4j: error while stopping: ${oneLine(error)}`);
        resolveDone(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => onSignal(`${signal} received`));
  watchAncestors((pid) => onSignal(`parent process ${pid} is gone`));

  try {
    await ensureNeo4jBuilt();
    const started = Date.now();
    running = await startNeo4j({
      ...options,
      onExit: (code, signal) => {
        if (!stopping && running !== null) {
          console.error(`neo4j: the Neo4j JVM exited unexpectedly (${signal ?? `code ${code}`})`);
          resolveDone(1);
        }
      },
    });
    writePidFile({ ...record, jvmPid: running.pid, jvmStartTicks: processStartTicks(running.pid) });
    console.error(`neo4j: started in ${((Date.now() - started) / 1000).toFixed(1)} s; data and logs in ${options.dataDir}; Ctrl-C or \`npm run neo4j:stop\` to stop`);
  } catch (error) {
    console.error(`neo4j: ${oneLine(error)}`);
    return 1;
  }
  console.log(`Neo4j ready at ${running.uri} (user ${running.user})`);
  // The seed CLI derives this URI from NEO4J_BOLT_HOST/NEO4J_BOLT_PORT itself; the API needs it set (unset = memory mode).
  const passwordNote = process.env["NEO4J_PASSWORD"] ? " NEO4J_PASSWORD=<yours>" : "";
  console.log(`Point the API at it with: NEO4J_URI=${running.uri}${passwordNote} npm start`);
  return done;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`neo4j: ${oneLine(error)}`);
    process.exit(1);
  },
);

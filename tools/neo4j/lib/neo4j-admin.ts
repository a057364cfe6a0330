/** Running `neo4j-admin` (org.neo4j.cli.AdminTool) from the launcher's Neo4j 5.26 jars, which include the import tool. */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { javaCommand } from "./java-tooling.js";
import { LIB } from "./paths.js";

export interface Neo4jAdminOptions {
  /** Neo4j home: its data/ is where `database import` writes the store (the layout startNeo4j serves). */
  readonly home: string;
  /** Where relative file arguments are read from. */
  readonly cwd: string;
  /** The tool's JVM heap, e.g. "512m" or "4g". */
  readonly heap: string;
  /** Killed (SIGKILL) after this long (default 1 hour). */
  readonly timeoutMs?: number;
  /** Receives each output line as it comes (progress of a long import). */
  readonly log?: (line: string) => void;
}

export interface Neo4jAdminResult {
  /** Exit code; 1 when the tool was killed. */
  readonly code: number;
  /** Standard output and standard error, in arrival order. */
  readonly output: string;
}

/** Runs neo4j-admin with `args` on `home` (an empty conf/neo4j.conf is made when there is none) and resolves with its exit code and output once it has exited. */
export function runNeo4jAdmin(args: readonly string[], options: Neo4jAdminOptions): Promise<Neo4jAdminResult> {
  // Resolved here because the tool runs in `cwd` and would read a relative home from there.
  const home = resolve(options.home);
  const conf = join(home, "conf");
  mkdirSync(conf, { recursive: true });
  if (!existsSync(join(conf, "neo4j.conf"))) writeFileSync(join(conf, "neo4j.conf"), "");
  const child = spawn(javaCommand(), [`-Xmx${options.heap}`, "-cp", join(LIB, "*"), "org.neo4j.cli.AdminTool", ...args], {
    cwd: options.cwd,
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (line: string): void => {
    lines.push(line);
    options.log?.(line);
  };
  createInterface({ input: child.stdout }).on("line", collect);
  createInterface({ input: child.stderr }).on("line", collect);
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 3_600_000);
  // An import left running after this process exits would hold the store and gigabytes of memory.
  const killOnParentExit = (): void => void child.kill("SIGKILL");
  process.once("exit", killOnParentExit);
  return new Promise((done) => {
    child.on("error", (error) => collect(`cannot run ${javaCommand()}: ${error.message}`));
    child.on("close", (code) => {
      clearTimeout(timer);
      process.removeListener("exit", killOnParentExit);
      done({ code: code ?? 1, output: lines.join("\n") });
    });
  });
}

/** What `database import` reports at its end. */
export interface ImportSummary {
  readonly nodes: number;
  readonly relationships: number;
  readonly properties: number;
  /** As the tool prints it, e.g. "1.033GiB"; null when it prints none. */
  readonly peakMemory: string | null;
}

/** The summary of a `database import` run from its output ("Imported: N nodes M relationships P properties", "Peak memory usage: X"), or null when it has no counts, i.e. the import did not finish. */
export function importSummary(output: string): ImportSummary | null {
  const counts = /Imported:\s+(\d+) nodes\s+(\d+) relationships\s+(\d+) properties/.exec(output);
  if (counts === null) return null;
  const peak = /Peak memory usage:\s*(\S+)/.exec(output);
  return { nodes: Number(counts[1]), relationships: Number(counts[2]), properties: Number(counts[3]), peakMemory: peak?.[1] ?? null };
}

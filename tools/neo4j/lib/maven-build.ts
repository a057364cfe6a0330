/**
 * Builds the Java launcher with Maven (tools/neo4j/pom.xml) when its inputs changed. Dependencies come from
 * Maven Central and are cached in ~/.m2 and tools/neo4j/target/lib/.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, delimiter, join, relative } from "node:path";
import { createInterface } from "node:readline";
import { BUILD_TIMEOUT_MS, withBuildLock } from "./build-lock.js";
import { assertJava, mavenCommand, mavenWorks } from "./java-tooling.js";
import { CLASSES, CLASSPATH_LIST, JAVA_SRC, LIB, MAIN_CLASS, NEO4J_TOOL_DIR, POM, STAMP } from "./paths.js";
import { progress } from "./process-liveness.js";

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

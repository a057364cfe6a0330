/** Finding and checking the java and mvn executables the launcher needs. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const MIN_JAVA = 17;

/** The java to run: $JAVA_HOME/bin/java when it exists, else `java` from PATH. */
export function javaCommand(): string {
  const javaHome = process.env["JAVA_HOME"];
  if (javaHome !== undefined && javaHome !== "") {
    const candidate = join(javaHome, "bin", process.platform === "win32" ? "java.exe" : "java");
    if (existsSync(candidate)) return candidate;
  }
  return "java";
}

/** The Maven executable name for this platform. */
export function mavenCommand(): string {
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

/** True when `mvn -v` runs. */
export function mavenWorks(): boolean {
  const result = spawnSync(mavenCommand(), ["-v"], { encoding: "utf8", timeout: 60_000 });
  return result.error === undefined && result.status === 0;
}

/** True when a Java >= 17 and Maven can be executed (does not build or download anything). */
export function javaAndMavenAvailable(): boolean {
  const major = javaMajorVersion();
  return major !== null && major >= MIN_JAVA && mavenWorks();
}

/** Throws a message saying what to install or set when no Java >= 17 can be run. */
export function assertJava(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new Error(`Cannot run '${javaCommand()}': a Java ${MIN_JAVA}+ JDK is needed for the local Neo4j (set JAVA_HOME or PATH).`);
  }
  if (major < MIN_JAVA) {
    throw new Error(`Java ${major} found ('${javaCommand()}'), but Neo4j 5.26 needs Java ${MIN_JAVA} or 21 (set JAVA_HOME).`);
  }
}

/** Where the Neo4j launcher's sources, build output and default data live. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the Neo4j tool (tools/neo4j). */
export const NEO4J_TOOL_DIR: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Repository root. */
export const REPO_ROOT: string = resolve(NEO4J_TOOL_DIR, "..", "..");

export const POM = join(NEO4J_TOOL_DIR, "pom.xml");
export const JAVA_SRC = join(NEO4J_TOOL_DIR, "src", "main", "java");
export const TARGET = join(NEO4J_TOOL_DIR, "target");
export const CLASSES = join(TARGET, "classes");
export const LIB = join(TARGET, "lib");
export const MAIN_CLASS = "kg.neo4j.EmbeddedNeo4j";
/** Written by the Maven build: the runtime class path, used to prune jars the pom no longer needs. */
export const CLASSPATH_LIST = join(TARGET, "runtime-classpath.txt");
/** Holds the hash of the build inputs the current target/ was built from. */
export const STAMP = join(TARGET, ".kg-build-stamp");
/** A directory that exists while one process runs Maven. */
export const BUILD_LOCK = join(TARGET, ".kg-build-lock");

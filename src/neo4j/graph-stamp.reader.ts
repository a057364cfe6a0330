import type { GraphStamp } from "../store/graph-stamp.js";
import { graphStampQuery } from "./cypher/graph-stamp.cypher.js";
import type { Neo4jExecutor } from "./neo4j-executor.js";

/** Reads the stored graph's stamp in one read statement. */
export async function readGraphStamp(executor: Neo4jExecutor): Promise<GraphStamp> {
  const [row] = await executor.read(graphStampQuery());
  const loadId = row?.["loadId"];
  return { version: Number(row?.["version"] ?? 0), loadId: typeof loadId === "string" ? loadId : null };
}

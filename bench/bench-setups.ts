/**
 * The five setups the benchmark compares, behind one interface: our API on Neo4j (compiled statements, and with
 * the in-process read replica), our API in memory, the peer
 * (`@neo4j/graphql`) on the same Neo4j, and raw Cypher through the driver from this process (the floor).
 */
import neo4j, { type Driver } from "neo4j-driver";
import { runDriverLoad, runHttpLoad, type LoadResult } from "./load-runners.js";
import type { MixCase, MixEntry } from "./query-mix.js";

export const SETUP_NAMES = ["ours-neo4j", "ours-replica", "ours-memory", "peer", "raw"] as const;
export type SetupName = (typeof SETUP_NAMES)[number];

export interface Setup {
  readonly name: SetupName;
  /** The process whose CPU time and RSS count as this setup's serving cost (for raw: this benchmark process, which runs the driver). */
  readonly pid: number;
  /** The comparable shape of this setup's answer to one request, or `{error}` when it failed. */
  answer(entry: MixEntry, request: MixCase): Promise<unknown>;
  /** Sends the requests in turn from `connections` clients for `seconds` and measures. */
  load(entry: MixEntry, requests: readonly MixCase[], connections: number, seconds: number): Promise<LoadResult>;
}

/** Our API or the peer, over HTTP; `side` picks which operation and variables of each entry it is sent. */
export function httpSetup(name: SetupName, url: string, pid: number, side: "ours" | "peer"): Setup {
  const body = (entry: MixEntry, request: MixCase): string =>
    JSON.stringify(side === "ours" ? { query: entry.graphql, variables: request.ours } : { query: entry.peerGraphql, variables: request.peer });
  return {
    name,
    pid,
    async answer(entry, request) {
      const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: body(entry, request) });
      const json = (await response.json()) as { data?: unknown; errors?: { message?: string }[] };
      if (json.errors !== undefined || json.data === undefined || json.data === null) {
        return { error: `HTTP ${response.status}: ${(json.errors ?? []).map((e) => e.message).join("; ") || "no data"}` };
      }
      return side === "ours" ? entry.fromOurs(json.data) : entry.fromPeer(json.data);
    },
    load: (entry, requests, connections, seconds) =>
      runHttpLoad(url, requests.map((r) => body(entry, r)), connections, { seconds }),
  };
}

/** Raw Cypher through the driver, from this process. The driver should return integers as numbers. */
export function rawSetup(driver: Driver): Setup {
  return {
    name: "raw",
    pid: process.pid,
    async answer(entry, request) {
      try {
        const result = await driver.executeQuery(entry.cypher, request.raw, { routing: neo4j.routing.READ });
        return entry.fromRaw(result.records.map((r) => r.toObject()));
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    load: (entry, requests, connections, seconds) =>
      runDriverLoad(driver, entry.cypher, requests.map((r) => r.raw), connections, seconds),
  };
}

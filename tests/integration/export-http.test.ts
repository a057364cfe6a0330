import { Readable } from "node:stream";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml/node/index.js";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { gqlData } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer } from "../support/api-server.js";
import { noNeo4j, testNeo4jConfig } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

/** The entries of a tar archive, by name. */
async function untar(body: ArrayBuffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on("data", (c: Buffer) => parts.push(c));
      stream.on("end", () => {
        files.set(header.name, Buffer.concat(parts).toString("utf8"));
        next();
      });
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  Readable.from(Buffer.from(body)).pipe(extract);
  await done;
  return files;
}

/** The HTTP export checks, run against one backend; returns each format's body for cross-backend comparison. */
function exportRouteSuite(name: string, start: () => Promise<{ url: string; close(): Promise<void> }>, bodies: Map<string, string>): void {
  describe(`GET /export over the ${name} backend`, () => {
    let api: { url: string; close(): Promise<void> };
    let stats: { concepts: number; relations: number };
    beforeAll(async () => {
      api = await start();
      stats = ((await gqlData(api.url, "{ graphStats { concepts relations } }")) as any).graphStats;
    });
    afterAll(async () => api?.close());

    it("streams GraphML as an attachment that a GraphML reader parses into graphStats' counts", async () => {
      const response = await fetch(`${api.url}/export/graphml`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="knowledge-graph.graphml"');
      expect(response.headers.get("transfer-encoding")).toBe("chunked");
      expect(response.headers.get("x-export-read-from")).toBe(name);
      // An uncurated graph is at version 0 in both backends.
      expect(response.headers.get("x-graph-version")).toBe("0");
      const body = await response.text();
      const graph = parseGraphml(MultiDirectedGraph, body);
      expect([graph.order, graph.size]).toEqual([stats.concepts, stats.relations]);
      bodies.set(`${name}:graphml`, body);
    });

    it("streams Cytoscape JSON with one element per concept and relation", async () => {
      const response = await fetch(`${api.url}/export/cytoscape`);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="knowledge-graph.cyjs"');
      const body = await response.text();
      const doc = JSON.parse(body);
      expect([doc.elements.nodes.length, doc.elements.edges.length]).toEqual([stats.concepts, stats.relations]);
      bodies.set(`${name}:cytoscape`, body);
    });

    it("bundles the KGX files in a tar, and serves each one alone with its own type", async () => {
      const response = await fetch(`${api.url}/export/kgx`);
      expect(response.headers.get("content-type")).toBe("application/x-tar");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="knowledge-graph-kgx.tar"');
      const files = await untar(await response.arrayBuffer());
      expect([...files.keys()]).toEqual(["nodes.tsv", "edges.tsv", "nodes.jsonl", "edges.jsonl", "sources.json"]);
      expect(files.get("nodes.jsonl")!.trim().split("\n")).toHaveLength(stats.concepts);
      expect(files.get("edges.jsonl")!.trim().split("\n")).toHaveLength(stats.relations);
      const single = await fetch(`${api.url}/export/kgx/edges.tsv`);
      expect(single.headers.get("content-type")).toBe("text/tab-separated-values; charset=utf-8");
      expect(single.headers.get("content-disposition")).toBe('attachment; filename="edges.tsv"');
      expect(await single.text()).toBe(files.get("edges.tsv"));
      bodies.set(`${name}:kgx`, [...files.values()].join("\n---\n"));
    });

    it("bundles the neo4j-admin CSV files with their import script", async () => {
      const response = await fetch(`${api.url}/export/csv`);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="knowledge-graph-neo4j-csv.tar"');
      const files = await untar(await response.arrayBuffer());
      expect(files.has("import.sh")).toBe(true);
      expect(files.get("relations.csv")!.trim().split("\n")).toHaveLength(stats.relations + 1);
      bodies.set(`${name}:csv`, [...files.values()].join("\n---\n"));
    });

    it("answers an unknown format or file with a JSON 404 carrying a code, never HTML", async () => {
      const format = await fetch(`${api.url}/export/pdf`, { headers: { accept: "text/html" } });
      expect(format.status).toBe(404);
      expect(format.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await format.json()).toEqual({
        error: { code: "UNKNOWN_EXPORT_FORMAT", message: 'There is no export format "pdf"', allowed: ["kgx", "graphml", "csv", "cytoscape"] },
      });
      const file = await fetch(`${api.url}/export/kgx/secrets.txt`);
      expect(file.status).toBe(404);
      expect(((await file.json()) as any).error.code).toBe("UNKNOWN_EXPORT_FILE");
    });
  });
}

const bodies = new Map<string, string>();
exportRouteSuite("memory", async () => {
  const server: RunningServer = await startMemoryApi();
  return { url: server.url, close: () => server.close() };
}, bodies);

describe.skipIf(noNeo4j)("both backends", () => {
  exportRouteSuite("neo4j", async () => {
    const api: SeededApi = await startSeededNeo4jApi();
    return { url: api.url, close: () => api.close() };
  }, bodies);

  it("export byte-identical files", () => {
    for (const format of ["graphml", "cytoscape", "kgx", "csv"]) {
      expect(bodies.get(`neo4j:${format}`)).toBeDefined();
      expect(bodies.get(`neo4j:${format}`)).toBe(bodies.get(`memory:${format}`));
    }
  });
});

describe.skipIf(noNeo4j)("GET /export when Neo4j is down", () => {
  it("answers a JSON 503 with SERVICE_UNAVAILABLE and no driver detail", async () => {
    const config = { ...testNeo4jConfig(), uri: "bolt://127.0.0.1:1", connectTimeoutMs: 1000, maxRetryMs: 200 };
    const server = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(config)));
    try {
      const response = await fetch(`${server.url}/export/graphml`);
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body).error.code).toBe("SERVICE_UNAVAILABLE");
      expect(body).not.toMatch(/bolt|ECONNREFUSED|stack/i);
    } finally {
      await server.close();
    }
  });
});

import { createHash } from "node:crypto";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { RunningServer } from "../../src/http/server.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import { startTestServer, testApiSettings } from "../support/api-server.js";
import { curatedGraph } from "../support/neo4j-test-env.js";

type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };

async function memoryServer(env: Record<string, string> = {}, logger?: pino.Logger): Promise<RunningServer> {
  return startTestServer(InMemoryKnowledgeStore.fromGraph(await curatedGraph()), { settings: testApiSettings(env), logger });
}

async function send(url: string, init: RequestInit & { path?: string } = {}) {
  const response = await fetch(`${url}${init.path ?? "/graphql"}`, { method: "POST", ...init });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (response.headers.get("content-type") ?? "").includes("json") ? (JSON.parse(text) as Body) : null };
}

const json = (payload: unknown): RequestInit => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });

describe("HTTP protection with the default settings", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer();
  });
  afterAll(async () => server?.close());

  const bodyCases: [string, RequestInit, number, string][] = [
    ["malformed JSON", { headers: { "content-type": "application/json" }, body: "{\"query\": " }, 400, "BAD_REQUEST"],
    ["a JSON body that is not an object", { headers: { "content-type": "application/json" }, body: "42" }, 400, "BAD_REQUEST"],
    ["a body over the size limit", { headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ __typename } #${"x".repeat(200_000)}` }) }, 413, "PAYLOAD_TOO_LARGE"],
    ["an unsupported charset", { headers: { "content-type": "application/json; charset=latin-9" }, body: "{}" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["an unsupported content encoding", { headers: { "content-type": "application/json", "content-encoding": "zstd-ish" }, body: "{}" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["a corrupt gzip body", { headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: "not gzip" }, 400, "BAD_REQUEST"],
  ];
  for (const [name, init, status, code] of bodyCases) {
    it(`answers ${name} with ${status} ${code} as GraphQL-shaped JSON, never HTML or a stack`, async () => {
      const r = await send(server.url, init);
      expect(r.status).toBe(status);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe(code);
      expect(r.text).not.toMatch(/<html|at \w+ \(|node_modules|\/work\//i);
    });
  }

  it("reads a JSON body however it is framed: with a byte order mark, a charset, whitespace first, compressed or chunked", async () => {
    const body = JSON.stringify({ query: "{ graphStats { concepts } }" });
    const readings: RequestInit[] = [
      { headers: { "content-type": "application/json" }, body: `\ufeff${body}` },
      { headers: { "content-type": "application/json; charset=UTF-8" }, body: ` \n${body}` },
      { headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: gzipSync(body) },
      { headers: { "content-type": "application/json" }, body: new Blob([body]).stream(), duplex: "half" } as RequestInit & { duplex: string },
    ];
    for (const init of readings) {
      const r = await send(server.url, init);
      expect(r.status, JSON.stringify(init.headers)).toBe(200);
      expect(r.body?.data).toEqual({ graphStats: { concepts: 46 } });
    }
  });

  it("answers an unknown route with a JSON 404", async () => {
    const r = await send(server.url, { method: "GET", path: "/no/such/route" });
    expect(r.status).toBe(404);
    expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
  });

  it("refuses subscriptions, which the schema does not have, as OPERATION_NOT_SUPPORTED client errors; mutations exist (curation)", async () => {
    const r = await send(server.url, json({ query: "subscription { __typename }" }));
    expect(r.status).toBe(400);
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_NOT_SUPPORTED", operation: "subscription" });
    const m = await send(server.url, json({ query: "mutation { __typename }" }));
    expect(m.status).toBe(200);
    expect(m.body?.data).toEqual({ __typename: "Mutation" });
  });

  it("answers a persisted-query hash mismatch with PERSISTED_QUERY_HASH_MISMATCH, and a register + replay works", async () => {
    const query = "{ graphStats { concepts } }";
    const wrong = await send(server.url, json({ query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }));
    expect(wrong.status).toBe(400);
    expect(wrong.body?.errors?.[0]?.extensions?.["code"]).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const unknown = await send(server.url, json({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(unknown.body?.errors?.[0]?.extensions?.["code"]).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("reports the cost of every operation in extensions.cost", async () => {
    const r = await send(server.url, json({ query: `{ search(text: "spasm", first: 3) { concept { id } } }` }));
    expect(r.body?.extensions?.["cost"]).toEqual({ requested: 5 + 3 * (1 + 1), limit: 25_000 });
  });

  it("refuses an over-budget query with its cost and the limit, before touching the store", async () => {
    const r = await send(server.url, json({ query: `{ concepts(first: 100) { nodes { relations(first: 100) { nodes { evidence { claim } } } } } }` }));
    expect(r.status).toBe(400);
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: 25_000 });
    expect(r.body?.errors?.[0]?.extensions?.["cost"]).toBeGreaterThan(25_000);
  });

  it("refuses too many directives with TOO_MANY_DIRECTIVES", async () => {
    const r = await send(server.url, json({ query: `{ __typename ${"@include(if: true) ".repeat(25)}}` }));
    expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe("TOO_MANY_DIRECTIVES");
  });

  it("echoes at most a short prefix of a long input in an error message", async () => {
    const r = await send(server.url, json({ query: `{ ${"x".repeat(500)} }` }));
    expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.body?.errors?.[0]?.message.length).toBeLessThan(200);
  });

  it("needs a preflight header for GET queries (CSRF prevention) and answers with one", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent("{ graphStats { concepts } }")}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(allowed.status).toBe(200);
  });

  it("keeps introspection and suggestions on outside production", async () => {
    const schema = await send(server.url, json({ query: "{ __schema { queryType { name } } }" }));
    expect(schema.body?.data?.__schema?.queryType?.name).toBe("Query");
    const typo = await send(server.url, json({ query: "{ serch(text: \"x\") { score } }" }));
    expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe("production settings", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer({ NODE_ENV: "production", PLAYGROUND: "false" });
  });
  afterAll(async () => server?.close());

  it("turns introspection off", async () => {
    const r = await send(server.url, json({ query: "{ __schema { queryType { name } } }" }));
    expect(r.status).toBe(400);
    expect(r.body?.data ?? null).toBeNull();
    expect(r.body?.errors?.[0]?.message).toMatch(/introspection is not allowed/);
  });

  it("gives no 'did you mean' suggestions", async () => {
    const r = await send(server.url, json({ query: "{ serch(text: \"x\") { score } }" }));
    expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.body?.errors?.[0]?.message).not.toMatch(/Did you mean|search/);
  });

  it("still answers body-parser errors as JSON", async () => {
    const r = await send(server.url, { headers: { "content-type": "application/json" }, body: "{oops" });
    expect(r.status).toBe(400);
    expect(r.body?.errors?.[0]?.extensions?.["code"]).toBe("BAD_REQUEST");
  });

  it("serves no playground when PLAYGROUND=false", async () => {
    const r = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(r.headers.get("content-type")).not.toMatch(/html/);
  });
});

describe("rate limiting by cost", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer({ RATE_LIMIT_ENABLED: "true", RATE_LIMIT_POINTS: "300", RATE_LIMIT_WINDOW_SECONDS: "60" });
  });
  afterAll(async () => server?.close());

  it("sends RateLimit headers on every /graphql response and 429 with Retry-After once the points are spent", async () => {
    const query = json({ query: `{ search(text: "spasm", first: 10) { concept { id name } } }` });
    const first = await send(server.url, query);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("300");
    const cost = first.body?.extensions?.["cost"]?.["requested"] as number;
    expect(Number(first.headers.get("ratelimit-remaining"))).toBe(300 - cost);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    let last = first;
    for (let i = 0; i < 20 && last.status === 200; i++) last = await send(server.url, query);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");
    expect(last.body?.errors?.[0]?.extensions?.["code"]).toBe("RATE_LIMITED");
    const malformed = await send(server.url, { headers: { "content-type": "application/json" }, body: "{" });
    expect(malformed.status).toBe(429);
    expect(malformed.headers.get("ratelimit-limit")).toBe("300");
  });
});

describe("response size cap", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer({ MAX_RESPONSE_BYTES: "2000" });
  });
  afterAll(async () => server?.close());

  it("refuses a response over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE instead of sending it", async () => {
    const r = await send(server.url, json({ query: `{ concepts(first: 100) { nodes { id name summary } } }` }));
    expect(r.body?.data).toBeUndefined();
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", limit: 2000 });
    expect(r.body?.extensions?.["cost"]).toMatchObject({ requested: 2 + 100 * 2, limit: 25_000 });
    expect(r.text.length).toBeLessThan(2000);
  });
});

describe("log levels", () => {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer({}, pino({ level: "info" }, sink));
  });
  afterAll(async () => server?.close());

  it("logs client errors at info or warn, never error", async () => {
    const sha256Hash = "a".repeat(64);
    await send(server.url, json({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    await send(server.url, json({ query: "mutation { __typename }" }));
    await send(server.url, json({ query: "{ __typename", extensions: {} }));
    await send(server.url, { headers: { "content-type": "application/json" }, body: "{bad" });
    await send(server.url, json({ query: `{ concept(id: "nope") { id } }` }));
    await send(server.url, json({ query: `{ ${"a { ".repeat(900)} }` }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe("HTTP server bounds", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await memoryServer({ HTTP_HEADERS_TIMEOUT_MS: "1000", HTTP_REQUEST_TIMEOUT_MS: "2000" });
  });
  afterAll(async () => server?.close());

  it("disconnects a client that sends its headers slowly (slowloris) within the headers timeout", async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    const started = performance.now();
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\n");
    const drip = setInterval(() => socket.writable && socket.write(`X-Slow-${Math.random().toString(36).slice(2)}: 1\r\n`), 200);
    const closedAfter = await new Promise<number>((resolve) => {
      const done = () => resolve(performance.now() - started);
      socket.on("close", done);
      socket.on("error", () => undefined);
      setTimeout(() => resolve(Number.POSITIVE_INFINITY), 8000);
    });
    clearInterval(drip);
    socket.destroy();
    expect(closedAfter).toBeLessThan(4000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("applies the configured timeouts and connection cap to the node server", () => {
    expect(server.server.headersTimeout).toBe(1000);
    expect(server.server.requestTimeout).toBe(2000);
    expect(server.server.keepAliveTimeout).toBe(5000);
    expect(server.server.maxConnections).toBe(1000);
  });
});

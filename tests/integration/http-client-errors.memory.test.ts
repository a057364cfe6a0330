import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { startMemoryApi } from "../support/memory-api.js";

/** Sends raw bytes and returns everything the server answers before it closes the connection. */
function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
  });
}

describe("requests Node's HTTP parser refuses", () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startMemoryApi();
  });
  afterAll(async () => api?.close());

  it("answers a GET whose URL is over the header limit with a coded JSON 431, not a bare status line", async () => {
    const query = encodeURIComponent(`{ search(text: "${"x".repeat(20_000)}") { score } }`);
    const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(431);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: "The request's headers or URL are too large; send a long query in a POST body", extensions: { code: "REQUEST_HEADER_FIELDS_TOO_LARGE" } }],
    });
  });

  it("answers bytes that are not HTTP with a coded JSON 400", async () => {
    const answer = await rawExchange(api.url, "THIS IS NOT HTTP\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("keeps serving after refusing them", async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
  });
});

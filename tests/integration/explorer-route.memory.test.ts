import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { startMemoryApi } from "../support/memory-api.js";

describe("GET /explore serves the explorer page and its assets", () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startMemoryApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("names its script and stylesheet by content hash, cached for a year, and answers 304 to a matching etag", async () => {
    const page = await fetch(`${api.url}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/explorer\.(?:js|css)\?v=[0-9a-f]{12})"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const first = await fetch(`${api.url}${asset}`);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toContain("immutable");
      expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      const again = await fetch(`${api.url}${asset}`, { headers: { "if-none-match": first.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
    const revalidated = await fetch(`${api.url}/explore`, { headers: { "if-none-match": page.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
  });

  it("sends plain bytes to a client that does not accept gzip", async () => {
    const plain = await fetch(`${api.url}/explore`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain('id="canvas"');
  });
});

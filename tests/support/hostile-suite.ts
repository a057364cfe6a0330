import { expect, it } from "vitest";
import { HOSTILE_QUERIES } from "./hostile-queries.js";

/** Posts a raw query and reports status, parsed body and how long the answer took. */
async function post(url: string, query: string) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, body, ms: performance.now() - started };
}

/**
 * The probe's crashing queries against a running server: each is refused with its code in under a
 * second, /health answers while they arrive, and the server's memory stays flat.
 */
export function hostileQueryTests(server: () => { url: string }): void {
  for (const hostile of HOSTILE_QUERIES) {
    it(`refuses ${hostile.name} with ${hostile.code} in under a second`, async () => {
      const [answer, health] = await Promise.all([post(server().url, hostile.query), fetch(`${server().url}/health`)]);
      expect(health.status).toBe(200);
      expect(answer.status).toBe(hostile.status);
      expect(answer.body.errors?.[0]?.extensions?.["code"]).toBe(hostile.code);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.ms).toBeLessThan(1000);
    });
  }

  it("keeps memory flat and /health answering through 20 rounds of every hostile query", async () => {
    const before = process.memoryUsage().rss;
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(HOSTILE_QUERIES.map((h) => post(server().url, h.query)));
      for (const a of answers) expect(a.status).toBeLessThan(500);
      expect((await fetch(`${server().url}/health`)).status).toBe(200);
    }
    const grownMb = (process.memoryUsage().rss - before) / 1e6;
    expect(grownMb).toBeLessThan(150);
  });
}

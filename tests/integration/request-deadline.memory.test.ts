import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { unguardedApiSettings } from "../support/api-server.js";
import { startMemoryApi } from "../support/memory-api.js";
import { errorCodes, postQuery, worstCaseQuery } from "../support/worst-case-query.js";

const UNGUARDED = unguardedApiSettings();

describe("request deadline in memory mode", () => {
  let api: RunningServer | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("stops a request past its deadline with TIMEOUT and HTTP 503, never an internal error", async () => {
    api = await startMemoryApi({ timeoutMs: 50, maxConcurrentReads: 4 }, UNGUARDED);
    const started = performance.now();
    const { status, retryAfter, body } = await postQuery(api.url, worstCaseQuery(5));
    const took = performance.now() - started;
    expect(body.data).toBeNull();
    expect(errorCodes(body)).toEqual(["TIMEOUT"]);
    expect(status).toBe(503);
    expect(retryAfter).toBe("1");
    // Generous for a busy shared machine; without a deadline this request runs for seconds.
    expect(took).toBeLessThan(2000);
  });

  it("keeps /health answering while the heaviest permitted query runs", async () => {
    const deadlineMs = 3000;
    api = await startMemoryApi({ timeoutMs: deadlineMs, maxConcurrentReads: 4 }, UNGUARDED);
    const url = api.url;
    let running = true;
    let maxGap = 0;
    const poll = (async () => {
      let last = performance.now();
      while (running) {
        const response = await fetch(`${url}/health`);
        expect(response.status).toBe(200);
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        await sleep(100);
      }
    })();
    const { body } = await postQuery(url, worstCaseQuery(5));
    running = false;
    await poll;
    console.log(`/health max gap during the worst-case query: ${Math.round(maxGap)} ms (deadline ${deadlineMs} ms)`);
    expect(errorCodes(body).filter((c) => c !== "TIMEOUT")).toEqual([]);
    expect(maxGap).toBeLessThan(deadlineMs / 2);
  });
});

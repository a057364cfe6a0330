import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ConnectionBreaker } from "../../src/neo4j/connection-breaker.js";

describe("connection breaker", () => {
  it("opens after the threshold of consecutive failures, not before, and a success resets the count", () => {
    const breaker = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, probe: async () => false });
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.isOpen()).toBe(false);
    breaker.recordFailure();
    expect(breaker.isOpen()).toBe(true);
    breaker.stop();
  });

  it("keeps probing while the server is down and closes at the first probe that succeeds", async () => {
    let serverUp = false;
    let probes = 0;
    const breaker = new ConnectionBreaker({
      failureThreshold: 1,
      probeIntervalMs: 10,
      probe: async () => {
        probes += 1;
        if (!serverUp) throw new Error("connection refused");
        return true;
      },
    });
    breaker.recordFailure();
    await sleep(60);
    expect(breaker.isOpen()).toBe(true);
    expect(probes).toBeGreaterThan(1);
    serverUp = true;
    await sleep(60);
    expect(breaker.isOpen()).toBe(false);
    breaker.stop();
  });
});

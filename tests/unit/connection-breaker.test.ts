import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ConnectionBreaker } from "../../src/neo4j/connection-breaker.js";

describe("connection breaker", () => {
  it("opens after the threshold of consecutive failures, not before, and a success resets the count", () => {
    const breaker = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 1000, check: async () => false, probe: async () => false });
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
      checkTimeoutMs: 1000,
      check: async () => true,
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

  it("opens at once when a suspicion check fails, and tells everyone waiting on it", async () => {
    const breaker = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 1000, check: async () => false, probe: async () => false });
    let told = 0;
    breaker.onOpen(() => (told += 1));
    const cancelled = breaker.onOpen(() => (told += 100));
    cancelled();
    breaker.suspect();
    await sleep(5);
    expect(breaker.isOpen()).toBe(true);
    expect(told).toBe(1);
    breaker.stop();
  });

  it("gives no verdict when a check does not answer in time, and checks at most once per probe interval", async () => {
    let checks = 0;
    const slow = new ConnectionBreaker({
      failureThreshold: 3,
      probeIntervalMs: 10_000,
      checkTimeoutMs: 20,
      check: () => ((checks += 1), new Promise<boolean>(() => {})),
      probe: async () => false,
    });
    slow.suspect();
    slow.suspect();
    await sleep(60);
    slow.suspect();
    // A busy server that is slow to answer must not fail healthy requests.
    expect(slow.isOpen()).toBe(false);
    expect(checks).toBe(1);
    slow.stop();
  });
});

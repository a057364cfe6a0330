import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ConnectionBreaker } from "../../src/neo4j/connection-breaker.js";

describe("connection breaker", () => {
  it("opens after the threshold of consecutive failures, not before, and a success resets the count", () => {
    const breaker = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 1000, probe: async () => false });
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
    const breaker = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 1000, probe: async () => false });
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

  it("treats a check that does not answer in time as failed, and a check that answers as no outage", async () => {
    const hung = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 20, probe: () => new Promise<boolean>(() => {}) });
    hung.suspect();
    expect(hung.isOpen()).toBe(false);
    await sleep(60);
    expect(hung.isOpen()).toBe(true);
    hung.stop();

    let checks = 0;
    const healthy = new ConnectionBreaker({ failureThreshold: 3, probeIntervalMs: 10_000, checkTimeoutMs: 20, probe: async () => ((checks += 1), true) });
    healthy.suspect();
    healthy.suspect();
    await sleep(30);
    healthy.suspect();
    expect(healthy.isOpen()).toBe(false);
    // At most one check per probe interval, however often a slow statement raises suspicion.
    expect(checks).toBe(1);
    healthy.stop();
  });
});

import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { RequestTimeoutError } from "../../src/errors/app-errors.js";
import { RequestScope, afterPausedWork, checkpoint, currentRequestScope, pacing, runInRequestScope } from "../../src/store/request-scope.js";

/** Keeps the thread busy, so the next pacing() call pauses its caller. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("request scope", () => {
  it("is visible to everything the request starts asynchronously, and absent outside it", async () => {
    const scope = new RequestScope(1000, 2);
    const seen = await runInRequestScope(scope, async () => {
      await sleep(1);
      return currentRequestScope();
    });
    expect(seen).toBe(scope);
    expect(currentRequestScope()).toBeUndefined();
    scope.end();
  });

  it("lets a request hold at most its share of reads at once, handing slots on in order", async () => {
    const scope = new RequestScope(5000, 2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const release = await scope.acquireReadSlot();
        active += 1;
        peak = Math.max(peak, active);
        await sleep(5);
        order.push(i);
        active -= 1;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toHaveLength(8);
    scope.end();
  });

  it("stops waiting for a slot with TIMEOUT when the deadline passes", async () => {
    const scope = new RequestScope(50, 1);
    const held = await scope.acquireReadSlot();
    await expect(scope.acquireReadSlot()).rejects.toBeInstanceOf(RequestTimeoutError);
    held();
    scope.end();
  });

  it("aborts its signal with TIMEOUT at the deadline, whether the signal was first asked for before or after it", async () => {
    const early = new RequestScope(20, 1);
    const late = new RequestScope(20, 1);
    const signal = early.signal;
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(signal.reason).toBeInstanceOf(RequestTimeoutError);
    expect(late.signal.reason).toBeInstanceOf(RequestTimeoutError);
    early.end();
    late.end();
  });

  it("stops in-process work at a checkpoint once the deadline has passed", async () => {
    const scope = new RequestScope(20, 1);
    const work = runInRequestScope(scope, async () => {
      for (;;) await checkpoint();
    });
    await expect(work).rejects.toMatchObject({ code: "TIMEOUT" });
    scope.end();
  });

  it("yields to the event loop during long busy work, so a timer fires before the work ends", async () => {
    let fired = false;
    setTimeout(() => (fired = true), 1);
    const started = performance.now();
    // Without yielding, this loop of microtasks would starve the timer for the full two seconds.
    while (!fired && performance.now() - started < 2000) await checkpoint();
    expect(fired).toBe(true);
  });

  it("runs work deferred behind paused callers in its own request's scope, not in the scope that started the pausing", async () => {
    // A paused request starts the chain that resumes callers. Work another request defers until its own
    // callers resume must still see that other request's scope: seeing the first one's (possibly expired)
    // deadline failed requests with TIMEOUT long before their own deadline.
    const first = new RequestScope(5000, 1);
    const second = new RequestScope(5000, 1);
    const seen = await new Promise<RequestScope | undefined>((resolve) => {
      pacing();
      busyFor(15);
      void runInRequestScope(first, () => pacing());
      void runInRequestScope(second, () => {
        void pacing();
        afterPausedWork(() => resolve(currentRequestScope()));
      });
    });
    expect(seen).toBe(second);
    first.end();
    second.end();
  });

  it("lets many statements of one request wait on its deadline without a listener-leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on("warning", onWarning);
    const scope = new RequestScope(5000, 1);
    const held = await scope.acquireReadSlot();
    const waiting = Array.from({ length: 30 }, () => scope.acquireReadSlot());
    held();
    for (const slot of waiting) (await slot)();
    await sleep(10);
    process.off("warning", onWarning);
    expect(warnings).not.toContain("MaxListenersExceededWarning");
    scope.end();
  });
});

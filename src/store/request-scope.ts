import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import { RequestTimeoutError } from "../errors/app-errors.js";

/** Listeners one request's deadline may have before Node warns of a leak. */
const MAX_DEADLINE_LISTENERS = 1000;

/**
 * What one request may spend, visible to the stores without changing their signatures: the HTTP layer
 * runs each request inside a scope (AsyncLocalStorage), and the stores read it to bound their work.
 * Outside a scope (seed loading, tools, unit tests) nothing is bounded.
 */
export class RequestScope {
  /** performance.now() value past which the request must stop. */
  readonly deadline: number;
  /** Made on first use: most requests (every in-process one) never wait on the deadline, and need no timer. */
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** This request's callers that pacing paused, and what waits for them to resume. */
  readonly pauses: PauseGroup = { paused: 0, whenResumed: [] };

  constructor(
    readonly timeoutMs: number,
    private readonly maxConcurrentReads: number,
  ) {
    this.deadline = performance.now() + timeoutMs;
  }

  /** Aborted with a RequestTimeoutError when the deadline passes. */
  get signal(): AbortSignal {
    if (this.controller === null) {
      const controller = new AbortController();
      this.controller = controller;
      // Every statement waiting for a slot or running listens for the deadline; an aliased query can have
      // dozens at once, which is by design (the query limits bound how many), not a leak.
      setMaxListeners(MAX_DEADLINE_LISTENERS, controller.signal);
      const abort = (): void => controller.abort(new RequestTimeoutError(this.timeoutMs));
      const left = this.remainingMs();
      if (left <= 0) abort();
      else if (!this.ended) {
        this.timer = setTimeout(abort, left);
        this.timer.unref();
      }
    }
    return this.controller.signal;
  }

  /** Milliseconds left before the deadline (0 once past it). */
  remainingMs(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  /** Throws RequestTimeoutError once the deadline has passed. */
  throwIfExpired(): void {
    if (performance.now() >= this.deadline) throw new RequestTimeoutError(this.timeoutMs);
  }

  /**
   * Waits for one of the request's read slots (at most maxConcurrentReads at once), so one request
   * cannot take the whole connection pool; resolves to the function that gives the slot back.
   * Rejects with RequestTimeoutError when the deadline passes first.
   */
  async acquireReadSlot(): Promise<() => void> {
    this.throwIfExpired();
    if (this.active >= this.maxConcurrentReads) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          const at = this.waiting.indexOf(grant);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(this.signal.reason);
        };
        const grant = (): void => {
          this.signal.removeEventListener("abort", onAbort);
          resolve();
        };
        if (this.signal.aborted) {
          reject(this.signal.reason);
          return;
        }
        this.signal.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(grant);
      });
    } else {
      this.active += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // A waiter inherits the slot directly, so `active` only drops when nobody waits.
      if (next === undefined) this.active -= 1;
      else next();
    };
  }

  /** Stops the deadline timer once the response has gone. */
  end(): void {
    this.ended = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts asynchronously) inside the scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request being served, or undefined outside one. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Longest stretch of synchronous work between two yields to the event loop. */
const YIELD_AFTER_MS = 10;
/** Paused callers released per turn of the event loop; each then runs until its next pacing point. */
const RELEASED_PER_TURN = 32;
let stretchStarted = 0;
let turnMarked = false;

/** Paused callers of one request (or of work outside any request). */
interface PauseGroup {
  paused: number;
  whenResumed: (() => void)[];
}
const outsideRequests: PauseGroup = { paused: 0, whenResumed: [] };
const paused: { readonly group: PauseGroup; readonly resume: () => void }[] = [];
let releasing = false;

function afterMicrotasks(callback: () => void): void {
  void Promise.resolve().then(() => process.nextTick(callback));
}

function flushWhenResumed(group: PauseGroup): void {
  if (group.paused > 0 || group.whenResumed.length === 0) return;
  const ready = group.whenResumed;
  group.whenResumed = [];
  for (const callback of ready) callback();
}

function releaseSome(): void {
  const released = paused.splice(0, RELEASED_PER_TURN);
  for (const { group, resume } of released) {
    group.paused -= 1;
    resume();
  }
  // The resumed callers run in the microtasks that follow; hand over once they are done.
  for (const group of new Set(released.map((r) => r.group))) {
    if (group.paused === 0) afterMicrotasks(() => flushWhenResumed(group));
  }
  if (paused.length === 0) releasing = false;
  // Two immediates: the first lets the poll phase (other requests, /health) run in between.
  else setImmediate(() => setImmediate(releaseSome));
}

function waitForTurn(group: PauseGroup): Promise<void> {
  return new Promise<void>((resolve) => {
    group.paused += 1;
    paused.push({ group, resume: resolve });
    if (releasing) return;
    releasing = true;
    // The chain of releases serves every request, so it must not run in (and keep alive) the scope of the
    // request that happened to start it.
    storage.exit(() => setImmediate(() => setImmediate(releaseSome)));
  });
}

/**
 * Runs `callback` once the current microtasks are done and none of the current request's paced work is
 * paused: a DataLoader batch scheduled this way still collects the keys of callers that pacing paused,
 * so pausing never costs an extra database round trip. Other requests' pauses do not delay it.
 */
export function afterPausedWork(callback: () => void): void {
  const group = storage.getStore()?.pauses ?? outsideRequests;
  // A deferred callback runs from the release chain, outside this request; binding keeps it in this
  // request's scope, so its work sees this request's deadline and read slots.
  const bound = AsyncResource.bind(callback);
  if (group.paused > 0) {
    group.whenResumed.push(bound);
    return;
  }
  afterMicrotasks(() => {
    if (group.paused === 0) callback();
    else group.whenResumed.push(bound);
  });
}

/**
 * Null when work may go on synchronously; otherwise a promise to await first. After a long stretch of
 * busy work it pauses the caller, and paused callers resume a few per turn of the event loop, so other
 * requests and /health are served in between. Past the request's deadline it answers a promise
 * rejected with RequestTimeoutError.
 * A stretch starts at the first call after the event loop last reached its check phase, so idle time
 * never counts as busy.
 */
export function pacing(): Promise<void> | null {
  const scope = storage.getStore();
  // Past the deadline the refusal comes as a rejected promise, never a synchronous throw: graphql-js 16
  // abandons the pending siblings of a list item that throws synchronously, and their later rejections
  // would go unhandled.
  if (scope !== undefined && scope.remainingMs() <= 0) return Promise.reject(new RequestTimeoutError(scope.timeoutMs));
  if (!turnMarked) {
    turnMarked = true;
    stretchStarted = performance.now();
    setImmediate(() => {
      turnMarked = false;
    });
    return null;
  }
  if (performance.now() - stretchStarted < YIELD_AFTER_MS) return null;
  return waitForTurn(scope?.pauses ?? outsideRequests).then(() => scope?.throwIfExpired());
}

/** pacing() as one awaitable step, for loops in the in-process store. */
export async function checkpoint(): Promise<void> {
  await pacing();
}

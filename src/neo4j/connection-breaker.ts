/**
 * A circuit breaker for the database connection. After `failureThreshold` consecutive connectivity
 * failures it opens: callers fail at once instead of each waiting out the driver's connect and retry
 * times. The driver retries a failed transaction out of sight for seconds, so failures reach the count
 * late; `suspect()` lets the executor ask for an immediate check instead (a lost connection, a statement
 * taking long), and a failed check opens the breaker and tells everyone waiting (`onOpen`).
 * While open, a background probe checks the server every `probeIntervalMs`; the first probe that
 * succeeds closes the breaker, so traffic resumes without a restart.
 */
export class ConnectionBreaker {
  private consecutiveFailures = 0;
  private open = false;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private checking = false;
  private lastCheckAt = -Infinity;
  private readonly openListeners = new Set<() => void>();

  constructor(
    private readonly options: {
      readonly failureThreshold: number;
      readonly probeIntervalMs: number;
      /** A suspicion check that has not answered within this long gives no verdict (the breaker stays closed). */
      readonly checkTimeoutMs: number;
      /**
       * The suspicion check: resolves false only when the server is certainly unreachable (refused or lost
       * connections). A slow or busy server must not count: under heavy load, opening the breaker would
       * fail healthy requests.
       */
      readonly check: () => Promise<boolean>;
      /** Resolves when the server answers; rejects or resolves false when it does not. */
      readonly probe: () => Promise<boolean>;
    },
  ) {}

  /** True while callers should fail fast. */
  isOpen(): boolean {
    return this.open;
  }

  /** Notes a statement that reached the server: the connection works. */
  recordSuccess(): void {
    this.consecutiveFailures = 0;
  }

  /** Notes a connectivity failure; opens the breaker at the threshold. */
  recordFailure(): void {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.options.failureThreshold) this.trip();
  }

  /**
   * Checks the server now, unless the breaker is open, a check is running or one ran within the probe
   * interval; opens the breaker when the check finds the server unreachable within `checkTimeoutMs`.
   */
  suspect(): void {
    const now = performance.now();
    if (this.open || this.stopped || this.checking || now - this.lastCheckAt < this.options.probeIntervalMs) return;
    this.checking = true;
    this.lastCheckAt = now;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), this.options.checkTimeoutMs);
      timer.unref();
    });
    void Promise.race([this.options.check().catch(() => true), timedOut]).then((ok) => {
      clearTimeout(timer);
      this.checking = false;
      if (!ok) this.trip();
    });
  }

  /** Calls `listener` once when the breaker next opens; returns a function that cancels it. */
  onOpen(listener: () => void): () => void {
    const once = (): void => {
      this.openListeners.delete(once);
      listener();
    };
    this.openListeners.add(once);
    return () => this.openListeners.delete(once);
  }

  /** Stops probing (when the executor closes). */
  stop(): void {
    this.stopped = true;
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private trip(): void {
    if (this.open) return;
    this.open = true;
    for (const listener of [...this.openListeners]) listener();
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.stopped || this.probeTimer !== null) return;
    this.probeTimer = setTimeout(() => {
      void this.options.probe().then(
        (ok) => this.afterProbe(ok),
        () => this.afterProbe(false),
      );
    }, this.options.probeIntervalMs);
    this.probeTimer.unref();
  }

  private afterProbe(ok: boolean): void {
    this.probeTimer = null;
    if (ok) {
      this.open = false;
      this.consecutiveFailures = 0;
    } else {
      this.scheduleProbe();
    }
  }
}

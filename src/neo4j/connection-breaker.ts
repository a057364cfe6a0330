/**
 * A circuit breaker for the database connection. After `failureThreshold` consecutive connectivity
 * failures it opens: callers fail at once instead of each waiting out the driver's connect and retry
 * times. While open, a background probe checks the server every `probeIntervalMs`; the first probe
 * that succeeds closes the breaker, so traffic resumes without a restart.
 */
export class ConnectionBreaker {
  private consecutiveFailures = 0;
  private open = false;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly options: {
      readonly failureThreshold: number;
      readonly probeIntervalMs: number;
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
    if (!this.open && this.consecutiveFailures >= this.options.failureThreshold) {
      this.open = true;
      this.scheduleProbe();
    }
  }

  /** Stops probing (when the executor closes). */
  stop(): void {
    this.stopped = true;
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
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

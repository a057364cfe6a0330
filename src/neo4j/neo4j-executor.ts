import neo4j, { type Driver, isRetryableError, Neo4jError, type Result, type Session } from "neo4j-driver";
import type { Neo4jConfig } from "../config/config.js";
import { RequestTimeoutError, ServiceUnavailableError } from "../errors/app-errors.js";
import { currentRequestScope, type RequestScope } from "../store/request-scope.js";
import { ConnectionBreaker } from "./connection-breaker.js";
import type { CypherQuery } from "./cypher/cypher-query.js";
import { toNative } from "./neo4j-value.js";

export type Row = Record<string, unknown>;

/** What a write changed, summed over its statements. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  labelsAdded: number;
  labelsRemoved: number;
  propertiesSet: number;
}

export interface WriteResult {
  readonly rows: Row[][];
  readonly counters: WriteCounters;
}

/** Counters with every field zero. */
export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, labelsAdded: 0, labelsRemoved: 0, propertiesSet: 0 };
}

/** Called after every statement the executor sends, for logs and round-trip accounting. */
export type QueryListener = (event: { readonly mode: "READ" | "WRITE"; readonly cypher: string; readonly ms: number }) => void;

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);
/** The pool's own error has no code; its message is the only mark (neo4j-driver-core internal/pool/pool.js). */
const POOL_ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;
/** Consecutive connectivity failures that open the breaker, and how often it then probes the server. */
const BREAKER_FAILURE_THRESHOLD = 3;
const BREAKER_PROBE_INTERVAL_MS = 500;
/** A suspicion check (see ConnectionBreaker.suspect) still running after this long gives no verdict. */
const BREAKER_CHECK_TIMEOUT_MS = 2000;
/**
 * A request's transaction still running after this long makes the breaker check the server: while the
 * driver retries an unreachable server out of sight, this is how an outage is noticed within a second.
 */
const SUSPECT_AFTER_MS = 300;
/** Pooled connections idle longer than this are checked before use. */
const LIVENESS_CHECK_AFTER_IDLE_MS = 1000;

/**
 * The one module that owns the Neo4j driver: sessions, access modes, timeouts and the conversion of
 * driver values to plain JavaScript. Everything else hands it CypherQuery objects.
 */
export class Neo4jExecutor {
  private readonly listeners = new Set<QueryListener>();
  private readonly breaker: ConnectionBreaker;

  private constructor(
    private readonly driver: Driver,
    private readonly config: Neo4jConfig,
  ) {
    this.breaker = new ConnectionBreaker({
      failureThreshold: BREAKER_FAILURE_THRESHOLD,
      probeIntervalMs: BREAKER_PROBE_INTERVAL_MS,
      checkTimeoutMs: BREAKER_CHECK_TIMEOUT_MS,
      probe: () => this.ping(),
      check: () => this.reachable(),
    });
  }

  /** Creates an executor with a pooled driver; does not contact the server yet. */
  static create(config: Neo4jConfig): Neo4jExecutor {
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      maxConnectionPoolSize: config.maxPoolSize,
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs,
      // After an outage the pooled connections are dead; testing those idle this long discards them
      // instead of failing (and retrying) the first requests once the server is back.
      connectionLivenessCheckTimeout: LIVENESS_CHECK_AFTER_IDLE_MS,
      maxTransactionRetryTime: config.maxRetryMs,
      disableLosslessIntegers: false,
      userAgent: "back-spasm-knowledge-graph",
    });
    return new Neo4jExecutor(driver, config);
  }

  /** Registers a listener for executed statements; returns a function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs one read statement in a read transaction; one round trip. Inside a request it waits for one of
   * the request's read slots, and its timeout is the configured one or the time left, whichever is less.
   * Fails at once with SERVICE_UNAVAILABLE while the connection breaker is open.
   */
  async read(query: CypherQuery): Promise<Row[]> {
    return this.readWith(query, true);
  }

  /**
   * Like read(), but the rows come as the driver decodes them, without the toNative() walk: maps and
   * lists are plain, integers are driver Integers (Number() converts them), nodes stay nodes. For
   * statements whose mapper reads each value once anyway (the compiled read plans).
   */
  async readUnconverted(query: CypherQuery): Promise<Row[]> {
    return this.readWith(query, false);
  }

  private async readWith(query: CypherQuery, convert: boolean): Promise<Row[]> {
    if (this.breaker.isOpen()) throw new ServiceUnavailableError();
    const scope = currentRequestScope();
    const release = scope === undefined ? () => {} : await scope.acquireReadSlot();
    try {
      return await this.inSession("READ", (tx) => this.run(tx, "READ", query, undefined, convert), undefined, scope);
    } finally {
      release();
    }
  }

  /** Runs the statements in order inside one write transaction: all of them commit, or none. */
  async writeAll(queries: readonly CypherQuery[], timeoutMs?: number): Promise<WriteResult> {
    return this.inSession(
      "WRITE",
      async (tx) => {
        // A retried transaction starts over, so the counters are rebuilt inside the unit of work.
        const counters = emptyCounters();
        const rows: Row[][] = [];
        for (const q of queries) rows.push(await this.run(tx, "WRITE", q, counters));
        return { rows, counters };
      },
      timeoutMs,
    );
  }

  /**
   * Runs `work` in one write transaction: everything it runs commits together, or nothing does when it
   * throws (its error is passed on as it is). Inside a request it takes one of the request's slots and is
   * bounded by the request's deadline, like a read. The driver may run `work` again after a transient
   * failure, so it must only depend on what its statements answer.
   */
  async writeUnit<T>(work: (run: (query: CypherQuery) => Promise<Row[]>) => Promise<T>): Promise<T> {
    if (this.breaker.isOpen()) throw new ServiceUnavailableError();
    const scope = currentRequestScope();
    const release = scope === undefined ? () => {} : await scope.acquireReadSlot();
    try {
      return await this.inSession("WRITE", (tx) => work((query) => this.run(tx, "WRITE", query)), undefined, scope);
    } finally {
      release();
    }
  }

  /**
   * Runs one `CALL { } IN TRANSACTIONS` statement, which commits its own batches and so needs an auto-commit
   * transaction; the driver does not retry it. A failure leaves the batches before it committed.
   */
  async runInTransactions(query: CypherQuery, timeoutMs?: number): Promise<WriteResult> {
    if (!/\bIN\s+TRANSACTIONS\b/i.test(query.cypher)) throw new Error("runInTransactions is for CALL { } IN TRANSACTIONS statements");
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    const started = performance.now();
    try {
      const result = await session.run(query.cypher, query.params as Record<string, unknown>, { timeout: timeoutMs ?? this.config.queryTimeoutMs });
      const counters = emptyCounters();
      addUpdates(counters, result.summary.counters.updates());
      const rows = result.records.map((record) => toNative(record.toObject()) as Row);
      for (const listener of this.listeners) listener({ mode: "WRITE", cypher: query.cypher, ms: performance.now() - started });
      return { rows: [rows], counters };
    } catch (error) {
      throw translateDriverError(error, timeoutMs ?? this.config.queryTimeoutMs, null);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (constraint or index) in its own auto-committed transaction. */
  async runSchemaStatement(query: CypherQuery): Promise<void> {
    await this.inSession("WRITE", (tx) => this.run(tx, "WRITE", query));
  }

  /** The plan Neo4j would run for a read statement (EXPLAIN: planned, not executed), as plain operators. */
  async explain(query: CypherQuery): Promise<PlanOperator> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${query.cypher}`, query.params as Record<string, unknown>));
      const plan = result.summary.plan;
      if (plan === false) throw new Error("Neo4j returned no plan for EXPLAIN");
      return toPlanOperator(plan);
    } finally {
      await session.close();
    }
  }

  /**
   * True when the database answers a trivial query within the connect timeout. A query, not just a
   * handshake: a restarting server accepts connections well before its database can serve reads. The
   * auto-commit transaction is not retried by the driver, so a failure answers at once.
   */
  async ping(): Promise<boolean> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run("RETURN 1", {}, { timeout: this.config.connectTimeoutMs });
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Closes the driver and its pooled connections. */
  async close(): Promise<void> {
    this.breaker.stop();
    await this.driver.close();
  }

  private async inSession<T>(mode: "READ" | "WRITE", work: (tx: StatementRunner) => Promise<T>, timeoutMs?: number, scope?: RequestScope): Promise<T> {
    const configured = timeoutMs ?? this.config.queryTimeoutMs;
    scope?.throwIfExpired();
    // A request's deadline bounds its transactions on the server too; never ask for less than 1 ms.
    const bound = scope === undefined ? configured : Math.max(1, Math.min(configured, Math.floor(scope.remainingMs())));
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const txConfig = { timeout: bound };
    const running = mode === "READ" ? readOnce(session, work, txConfig) : session.executeWrite(work, txConfig);
    const expiry = scope === undefined ? null : rejectOnAbort(scope.signal);
    // Requests give up as soon as the breaker opens, instead of waiting out the driver's retries; work
    // outside a request (seeding, tools) keeps the driver's own patience.
    const outage = scope === undefined ? null : this.rejectWhenBreakerOpens();
    const suspicion = scope === undefined ? null : setTimeout(() => this.breaker.suspect(), SUSPECT_AFTER_MS);
    suspicion?.unref();
    let abandoned = false;
    try {
      const result = await (expiry === null || outage === null ? running : Promise.race([running, expiry.promise, outage.promise]));
      this.breaker.recordSuccess();
      return result;
    } catch (error) {
      if (error instanceof ServiceUnavailableError) {
        abandoned = true;
        running.catch(() => {});
        throw error;
      }
      if (scope !== undefined && scope.signal.aborted) {
        // Closing the session resets its connection, which stops the query on the server.
        abandoned = true;
        running.catch(() => {});
        throw scope.signal.reason instanceof RequestTimeoutError ? scope.signal.reason : new RequestTimeoutError(scope.timeoutMs);
      }
      if (isConnectivityFailure(error)) this.breaker.recordFailure();
      else if (error instanceof Neo4jError) this.breaker.recordSuccess();
      throw translateDriverError(error, bound, scope !== undefined && bound < configured ? scope.timeoutMs : null);
    } finally {
      if (suspicion !== null) clearTimeout(suspicion);
      outage?.dispose();
      expiry?.dispose();
      if (abandoned) session.close().catch(() => {});
      else await session.close();
    }
  }

  /** False only when the server cannot be reached at all; a busy pool or a slow answer says nothing. */
  private async reachable(): Promise<boolean> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run("RETURN 1", {}, { timeout: this.config.connectTimeoutMs });
      return true;
    } catch (error) {
      return !isConnectivityFailure(error);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** A rejection with SERVICE_UNAVAILABLE once the breaker opens, with a way to stop listening. */
  private rejectWhenBreakerOpens(): { promise: Promise<never>; dispose: () => void } {
    let dispose = (): void => {};
    const promise = new Promise<never>((_resolve, reject) => {
      dispose = this.breaker.onOpen(() => reject(new ServiceUnavailableError()));
    });
    promise.catch(() => {});
    return { promise, dispose };
  }

  private async run(tx: StatementRunner, mode: "READ" | "WRITE", query: CypherQuery, counters?: WriteCounters, convert = true): Promise<Row[]> {
    const started = performance.now();
    const result = await withoutStackCapture(() => tx.run(query.cypher, query.params as Record<string, unknown>)).catch((error: unknown) => {
      // The driver is about to retry out of sight; check the server now rather than after its retries.
      if (isConnectivityFailure(error)) this.breaker.suspect();
      throw withCallerFrames(error);
    });
    if (counters !== undefined) addUpdates(counters, result.summary.counters.updates());
    const rows = result.records.map((record) => (convert ? (toNative(record.toObject()) as Row) : (record.toObject() as Row)));
    const ms = performance.now() - started;
    for (const listener of this.listeners) listener({ mode, cypher: query.cypher, ms });
    return rows;
  }
}

/**
 * Calls `start` (which creates a driver Result) with V8's stack traces off. The driver captures and formats a
 * stack trace for every Result, only to append it to an error's stack; our errors are mapped and their stacks
 * never shown, and formatting the trace took 2.1% of the API's CPU (profile of the overview on Neo4j).
 * Synchronous, so nothing else runs while traces are off.
 */
export function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The error with the frames of the code that awaited the failed statement appended to its stack (V8's async
 * stack trace from here), in place of the trace the driver no longer captures for every Result: an error
 * that reaches the logs unmapped still says which read or write sent the statement. Paid only on failure.
 */
function withCallerFrames(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const frames = (new Error().stack ?? "").split("\n").slice(1).join("\n");
  if (frames !== "") error.stack = `${error.stack ?? `${error.name}: ${error.message}`}\n${frames}`;
  return error;
}

/** Adds a statement's update counts to the running totals. */
function addUpdates(counters: WriteCounters, updates: Record<string, number>): void {
  for (const key of Object.keys(counters) as (keyof WriteCounters)[]) counters[key] += updates[key] ?? 0;
}

/** One operator of a query plan: its type without the runtime suffix, its details text and its children. */
export interface PlanOperator {
  readonly operator: string;
  readonly details: string;
  readonly children: readonly PlanOperator[];
}

function toPlanOperator(plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): PlanOperator {
  return {
    operator: plan.operatorType.replace(/@.*$/, ""),
    details: String(plan.arguments["Details"] ?? ""),
    children: plan.children.map((c) => toPlanOperator(c as typeof plan)),
  };
}

/** Where a unit of work sends its statements: a managed transaction, or a read's one auto-commit statement. */
export interface StatementRunner {
  run(cypher: string, params: Record<string, unknown>): Result;
}

/**
 * Runs a read's one statement as an auto-commit transaction (RUN and PULL in one round trip, where a managed
 * transaction adds BEGIN and a COMMIT round trip), and only when that fails with an error worth retrying, again
 * in the driver's managed read transaction, which retries within maxTransactionRetryTime. A read has nothing to
 * commit, so the two answer alike; the session's access mode keeps either from writing.
 */
export async function readOnce<T>(session: Pick<Session, "run" | "executeRead">, work: (tx: StatementRunner) => Promise<T>, txConfig: { timeout: number }): Promise<T> {
  try {
    return await work({ run: (cypher, params) => session.run(cypher, params, txConfig) });
  } catch (error) {
    if (!isRetryableError(error)) throw error;
    return session.executeRead(work, txConfig);
  }
}

/** A rejection that fires when the signal aborts, with a way to stop listening. */
function rejectOnAbort(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = (): void => {};
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}

/** True when the driver could not reach the server, or lost it (not a query or pool problem). */
function isConnectivityFailure(error: unknown): boolean {
  return error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code);
}

/**
 * The driver's errors as the service's: unreachable servers, a full pool and slow queries become
 * SERVICE_UNAVAILABLE; a transaction cut short by the request's deadline (`requestTimeoutMs` set) is TIMEOUT.
 */
function translateDriverError(error: unknown, timeoutMs: number, requestTimeoutMs: number | null): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError(undefined, { cause: error });
    if (POOL_ACQUISITION_TIMEOUT.test(error.message)) {
      return new ServiceUnavailableError("The knowledge graph database is busy; try again shortly", { cause: error });
    }
    if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      if (requestTimeoutMs !== null) return new RequestTimeoutError(requestTimeoutMs, { cause: error });
      return new ServiceUnavailableError(`The graph query did not finish within ${timeoutMs} ms`, { cause: error });
    }
  }
  return error;
}

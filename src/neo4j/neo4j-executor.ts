import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from "neo4j-driver";
import type { Neo4jConfig } from "../config/config.js";
import { ServiceUnavailableError } from "../errors/app-errors.js";
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

/**
 * The one module that owns the Neo4j driver: sessions, access modes, timeouts and the conversion of
 * driver values to plain JavaScript. Everything else hands it CypherQuery objects.
 */
export class Neo4jExecutor {
  private readonly listeners = new Set<QueryListener>();

  private constructor(
    private readonly driver: Driver,
    private readonly config: Neo4jConfig,
  ) {}

  /** Creates an executor with a pooled driver; does not contact the server yet. */
  static create(config: Neo4jConfig): Neo4jExecutor {
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      maxConnectionPoolSize: config.maxPoolSize,
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs,
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

  /** Runs one read statement in a read transaction with the configured timeout; one round trip. */
  async read(query: CypherQuery): Promise<Row[]> {
    return this.inSession("READ", (tx) => this.run(tx, "READ", query));
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

  /** Runs a schema statement (constraint or index) in its own auto-committed transaction. */
  async runSchemaStatement(query: CypherQuery): Promise<void> {
    await this.inSession("WRITE", (tx) => this.run(tx, "WRITE", query));
  }

  /** True when the server answers a trivial query within the connect timeout. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.config.database });
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the driver and its pooled connections. */
  async close(): Promise<void> {
    await this.driver.close();
  }

  private async inSession<T>(mode: "READ" | "WRITE", work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const txConfig = { timeout: timeoutMs ?? this.config.queryTimeoutMs };
    try {
      return mode === "READ" ? await session.executeRead(work, txConfig) : await session.executeWrite(work, txConfig);
    } catch (error) {
      throw translateDriverError(error, txConfig.timeout);
    } finally {
      await session.close();
    }
  }

  private async run(tx: ManagedTransaction, mode: "READ" | "WRITE", query: CypherQuery, counters?: WriteCounters): Promise<Row[]> {
    const started = performance.now();
    const result = await tx.run(query.cypher, query.params as Record<string, unknown>);
    if (counters !== undefined) {
      const u = result.summary.counters.updates();
      for (const key of Object.keys(counters) as (keyof WriteCounters)[]) counters[key] += u[key] ?? 0;
    }
    const rows = result.records.map((record) => toNative(record.toObject()) as Row);
    const ms = performance.now() - started;
    for (const listener of this.listeners) listener({ mode, cypher: query.cypher, ms });
    return rows;
  }
}

function translateDriverError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new ServiceUnavailableError(undefined, { cause: error });
    if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      return new ServiceUnavailableError(`The graph query did not finish within ${timeoutMs} ms`, { cause: error });
    }
  }
  return error;
}

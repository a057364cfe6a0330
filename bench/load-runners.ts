import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import neo4j, { type Driver } from "neo4j-driver";

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  /** Failed requests: socket errors, timeouts, non-2xx answers, and 200 answers carrying GraphQL errors. */
  readonly errors: number;
}

/** How long an HTTP load runs: for a time, or for a number of requests starting at the `offset`-th body. */
export type HttpLoadLength = { readonly seconds: number } | { readonly requests: number; readonly offset?: number };

/**
 * Drives one GraphQL operation over HTTP with autocannon and reports throughput and latency. The request bodies
 * are sent in turn (one shared sequence across connections), so the server sees varied arguments.
 */
export async function runHttpLoad(url: string, bodies: readonly string[], connections: number, length: HttpLoadLength): Promise<LoadResult> {
  if (bodies.length === 0) throw new Error("runHttpLoad needs at least one request body");
  let next = "offset" in length ? (length.offset ?? 0) : 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections,
    ...("seconds" in length ? { duration: length.seconds } : { amount: length.requests }),
    requests: [
      {
        setupRequest: (request) => {
          const body = bodies[next++ % bodies.length];
          return { ...request, body };
        },
        // A deadline can answer 200 with partial data and an error; that is a failed request too.
        onResponse: (status, responseBody) => {
          if (status === 200 && responseBody.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.non2xx + graphqlErrors, // autocannon counts timeouts among its errors
  };
}

/**
 * Sends one Cypher statement through the driver from `concurrency` workers for the given time (the floor), with
 * the parameter sets in turn (one shared sequence across workers).
 */
export async function runDriverLoad(driver: Driver, cypher: string, paramSets: readonly Record<string, unknown>[], concurrency: number, seconds: number): Promise<LoadResult> {
  if (paramSets.length === 0) throw new Error("runDriverLoad needs at least one parameter set");
  let next = 0;
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const end = performance.now() + seconds * 1000;
  let total = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const params = paramSets[next++ % paramSets.length];
          await session.executeRead((tx) => tx.run(cypher, params));
          histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
          total++;
        } catch {
          errors++;
        }
      }
    } finally {
      await session.close();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: total / elapsed,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    total,
    errors,
  };
}

/**
 * Environment every benchmarked API process gets on top of the defaults. The API's per-client rate limit would
 * turn a load test from one client into a flood of 429s, so benchmarks switch it off. (The variable's final name
 * is settled where the rate limit is merged; this is the one place to change it.)
 */
export const BENCH_API_ENV: Readonly<Record<string, string>> = { RATE_LIMIT_ENABLED: "false" };

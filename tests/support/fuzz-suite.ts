import fc from "fast-check";
import { expect } from "vitest";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";
import { hostileRequest, type HostileRequest } from "./hostile-request.arbitrary.js";

/** Longest any single answer may take under fuzzing, generous for a shared 2-core machine. */
const DEADLINE_MS = 5000;

/** Sends one request and checks it: no 5xx, an answer within the deadline, a code on every error. */
async function sendAndCheck(url: string, request: HostileRequest): Promise<void> {
  const started = performance.now();
  const sent = `${request.method} ${request.path.slice(0, 80)} ${String(request.body).slice(0, 300)}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(DEADLINE_MS * 2),
    });
    text = await response.text();
  } catch (error) {
    throw new Error(`no answer after ${Math.round(performance.now() - started)} ms to ${sent}: ${String((error as Error).cause ?? error)}`);
  }
  const elapsed = performance.now() - started;
  const context = `${sent} -> ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(elapsed, context).toBeLessThan(DEADLINE_MS);
  const type = response.headers.get("content-type") ?? "";
  if (response.status === 304 || type.includes("text/html")) return;
  expect(type, context).toMatch(/^application\/(graphql-response\+)?json/);
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
  for (const error of body.errors ?? []) expect(typeof error.extensions?.code, context).toBe("string");
  expect(text, context).not.toMatch(/INTERNAL_SERVER_ERROR|at \w+ \(|node_modules/);
}

/**
 * Sends `batches` × `batchSize` hostile requests (batches concurrently) to a running server and
 * returns how many were sent; fails with the smallest counterexample fast-check finds.
 */
export async function fuzzServer(url: string, batches: number, batchSize: number, seed?: number): Promise<number> {

  const schema = await buildGraphSchema();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(hostileRequest(schema), { minLength: batchSize, maxLength: batchSize }), async (requests) => {
      await Promise.all(requests.map((r) => sendAndCheck(url, r)));
      sent += requests.length;
    }),
    { numRuns: batches, ...(seed === undefined ? {} : { seed }), endOnFailure: false },
  );
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  return sent;
}

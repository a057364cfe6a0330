/** Checks, before any timing, that every setup gives the same answer to every request of the mix. */
import { isDeepStrictEqual } from "node:util";
import type { BenchArguments } from "./bench-arguments.js";
import type { Setup } from "./bench-setups.js";
import { QUERY_MIX, type MixCase, type MixEntry } from "./query-mix.js";

/** Times an answer that is an error is asked in all before it counts as a difference. */
const ATTEMPTS = 3;

export interface AnswerDifference {
  readonly query: string;
  readonly setup: string;
  /** Our API's variables for the request that differed. */
  readonly request: string;
  /** What differs, shortly: first differing path, with both values. */
  readonly detail: string;
}

export interface AnswerCheck {
  /** Requests checked per query (each asked of every setup). */
  readonly requests: Record<string, number>;
  /** Answers that were errors at first and were asked again (a cold Neo4j on a loaded machine can time out once). */
  readonly retried: readonly AnswerDifference[];
  readonly differences: readonly AnswerDifference[];
}

/**
 * Asks every setup every request of the mix and compares each answer's comparable shape with the reference
 * setup's (the first one: our API on Neo4j). An answer that is an error is asked again, up to `ATTEMPTS` times in
 * all, and counts as a difference when it stays an error; every retry is recorded.
 */
export async function checkAnswers(setups: readonly Setup[], args: BenchArguments): Promise<AnswerCheck> {
  const [reference, ...others] = setups;
  if (reference === undefined) throw new Error("no setups to compare");
  const requests: Record<string, number> = {};
  const differences: AnswerDifference[] = [];
  const retried: AnswerDifference[] = [];
  const ask = async (setup: Setup, entry: MixEntry, request: MixCase): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      const answer = await setup.answer(entry, request);
      if (!isError(answer) || attempt === ATTEMPTS) return answer;
      retried.push({ query: entry.name, setup: setup.name, request: JSON.stringify(request.ours), detail: answer.error });
    }
  };
  for (const entry of QUERY_MIX) {
    const cases = entry.cases(args);
    requests[entry.name] = cases.length;
    for (const request of cases) {
      const expected = await ask(reference, entry, request);
      if (isError(expected)) {
        differences.push({ query: entry.name, setup: reference.name, request: JSON.stringify(request.ours), detail: expected.error });
        continue;
      }
      for (const setup of others) {
        const actual = await ask(setup, entry, request);
        if (!isDeepStrictEqual(actual, expected)) {
          differences.push({ query: entry.name, setup: setup.name, request: JSON.stringify(request.ours), detail: firstDifference(expected, actual, "") });
        }
      }
    }
  }
  return { requests, retried, differences };
}

function isError(x: unknown): x is { error: string } {
  return typeof x === "object" && x !== null && "error" in x;
}

const show = (x: unknown): string => {
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** The first place two comparable shapes differ, as "path: expected … got …". */
function firstDifference(expected: unknown, actual: unknown, at: string): string {
  if (isError(actual)) return `${at || "answer"}: error ${actual.error}`;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (!isDeepStrictEqual(expected[i], actual[i])) {
        if (expected.length !== actual.length) return `${at || "list"}: ${expected.length} items vs ${actual.length}; first differing [${i}]: ${show(expected[i])} vs ${show(actual[i])}`;
        return firstDifference(expected[i], actual[i], `${at}[${i}]`);
      }
    }
  }
  if (typeof expected === "object" && expected !== null && typeof actual === "object" && actual !== null && !Array.isArray(expected)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      const e = (expected as Record<string, unknown>)[k];
      const a = (actual as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(e, a)) return firstDifference(e, a, at === "" ? k : `${at}.${k}`);
    }
  }
  return `${at || "answer"}: expected ${show(expected)}, got ${show(actual)}`;
}

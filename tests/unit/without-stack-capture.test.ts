import { describe, expect, it } from "vitest";
import { withoutStackCapture } from "../../src/neo4j/neo4j-executor.js";

describe("creating driver results without stack traces", () => {
  it("gives errors made inside no stack frames, and restores the limit afterwards", () => {
    const before = Error.stackTraceLimit;
    const stack = withoutStackCapture(() => new Error("inside").stack ?? "");
    expect(stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("outside").stack).toMatch(/\n\s+at /);
  });

  it("restores the limit when the call throws", () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutStackCapture(() => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(Error.stackTraceLimit).toBe(before);
  });
});

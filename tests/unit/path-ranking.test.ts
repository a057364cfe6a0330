import { describe, expect, it } from "vitest";
import { comparePaths, pathEvidence, pathKey } from "../../src/domain/path-ranking.js";

const path = (...rels: [string, number][]) => ({ relations: rels.map(([id, evidenceCount]) => ({ id, evidenceCount })) });

describe("path ranking", () => {
  it("puts fewer hops first, then more evidence, then relation ids in order", () => {
    const long = path(["a", 9], ["b", 9], ["c", 9]);
    const weak = path(["x", 1], ["y", 1]);
    const strong = path(["z", 3], ["y", 1]);
    const tieLow = path(["m", 2], ["n", 2]);
    const tieHigh = path(["m", 2], ["o", 2]);
    expect([long, weak, tieHigh, strong, tieLow].sort(comparePaths)).toEqual([tieLow, tieHigh, strong, weak, long]);
  });

  it("compares id sequences word by word even when one id is a prefix of another", () => {
    expect(comparePaths(path(["a", 1], ["z", 1]), path(["a-b", 1], ["a", 1]))).toBeLessThan(0);
    expect(pathKey(path(["a", 1], ["b", 1]))).toBe("a b");
    expect(pathEvidence(path(["a", 2], ["b", 3]))).toBe(5);
  });
});

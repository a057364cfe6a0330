import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../src/errors/app-errors.js";
import { decodeCursor, encodeCursor } from "../../src/services/cursor.codec.js";

describe("keyset cursors", () => {
  it("round-trip the key of the last item seen", () => {
    const cursor = encodeCursor("concepts:NAME_ASC", ["back pain", "back-pain"]);
    expect(decodeCursor("after", cursor, "concepts:NAME_ASC", 2)).toEqual(["back pain", "back-pain"]);
  });

  it("refuse a cursor from another list or ordering, naming the argument", () => {
    const cursor = encodeCursor("concepts:NAME_ASC", ["a", "b"]);
    expect(() => decodeCursor("before", cursor, "concepts:ID_ASC", 1)).toThrow(BadUserInputError);
    expect(() => decodeCursor("before", cursor, "concepts:ID_ASC", 1)).toThrow(/^Argument "before" belongs to a different ordering/);
  });

  it("refuse text that is not a cursor", () => {
    expect(() => decodeCursor("after", "%%%", "x", 1)).toThrow(/^Argument "after" is not a cursor returned by this API$/);
    expect(() => decodeCursor("after", Buffer.from('{"s":"x","k":[1]}').toString("base64url"), "x", 1)).toThrow(/is not a cursor/);
  });
});

import { describe, expect, it } from "vitest";
import { paragraphAround, passageInContext, quoteOf } from "../../src/domain/passage.js";

// A made-up text with three paragraphs; the article itself is never pasted into tests.
const TEXT = "Alpha beta gamma.\n\nDelta epsilon zeta eta theta.\nIota kappa lambda.\n  \nMu nu xi.";

describe("quoteOf", () => {
  it("returns exactly the characters of the span", () => {
    expect(quoteOf(TEXT, 0, 5)).toBe("Alpha");
  });

  it.each([
    [-1, 3],
    [3, 3],
    [5, 2],
    [0, TEXT.length + 1],
    [0.5, 3],
  ])("refuses the span [%s, %s) that does not fit the text", (start, end) => {
    expect(() => quoteOf(TEXT, start, end)).toThrow(RangeError);
  });
});

describe("paragraphAround", () => {
  it("finds the blank-line-delimited paragraph holding an offset, ignoring spaces on the blank line", () => {
    const at = TEXT.indexOf("kappa");
    const p = paragraphAround(TEXT, at);
    expect(TEXT.slice(p.start, p.end)).toBe("Delta epsilon zeta eta theta.\nIota kappa lambda.");
    expect(TEXT.slice(paragraphAround(TEXT, 0).start, paragraphAround(TEXT, 0).end)).toBe("Alpha beta gamma.");
    const last = paragraphAround(TEXT, TEXT.length - 1);
    expect(TEXT.slice(last.start, last.end)).toBe("Mu nu xi.");
  });
});

describe("passageInContext", () => {
  const start = TEXT.indexOf("zeta");
  const end = start + "zeta".length;

  it("never crosses into another paragraph, however many characters are asked for", () => {
    const c = passageInContext(TEXT, start, end, 1000);
    expect(c.before).toBe("Delta epsilon ");
    expect(c.after).toBe(" eta theta.\nIota kappa lambda.");
    expect(TEXT.slice(c.contextStart, c.contextEnd)).toBe(c.before + c.quote + c.after);
  });

  it("cuts a clipped side back to whole words", () => {
    const c = passageInContext(TEXT, start, end, 6);
    // Six characters back would land inside "epsilon"; the word is dropped rather than cut.
    expect(c.before).toBe("");
    expect(c.after).toBe(" eta");
  });

  it("gives the passage alone for zero characters of context", () => {
    expect(passageInContext(TEXT, start, end, 0)).toMatchObject({ before: "", quote: "zeta", after: "" });
  });
});

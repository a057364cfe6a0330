import { describe, expect, it } from "vitest";
import { contextsApplyingIn, relationAppliesIn } from "../../src/domain/context-scope.js";

describe("when a relation applies", () => {
  it("applies a context-free relation in every context, and any relation when no context is asked", () => {
    for (const asked of ["at_rest", "during_movement", "during_exercise"] as const) expect(relationAppliesIn(undefined, asked)).toBe(true);
    expect(relationAppliesIn("during_movement", null)).toBe(true);
  });

  it("keeps a relation limited to movement out of answers about rest", () => {
    expect(relationAppliesIn("during_movement", "at_rest")).toBe(false);
    expect(relationAppliesIn("at_rest", "during_movement")).toBe(false);
  });

  it("treats exercise as movement, but not movement as exercise", () => {
    expect(relationAppliesIn("during_movement", "during_exercise")).toBe(true);
    expect(relationAppliesIn("during_exercise", "during_movement")).toBe(false);
    expect(contextsApplyingIn("during_exercise")).toEqual(["during_exercise", "during_movement"]);
    expect(contextsApplyingIn("at_rest")).toEqual(["at_rest"]);
  });
});

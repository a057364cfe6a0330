import { describe, expect, it } from "vitest";
import { INITIAL_STATE, parseState, serializeState, type ViewState } from "../../src/web/state.js";

describe("explorer view state in the URL", () => {
  it("reads back every field a mode uses, so a shared link reopens the same view", () => {
    const views: ViewState[] = [
      { ...INITIAL_STATE, focus: "back-pain", depth: 3, expanded: ["ice-therapy", "ligament"], hiddenKinds: ["ANATOMY"], hiddenTypes: ["LOCATED_IN", "PART_OF"], selected: "reflex-contraction-produces-spasm" },
      { ...INITIAL_STATE, mode: "path", focus: null, from: "sports-back-injury", to: "back-muscle-spasm", path: 2 },
      { ...INITIAL_STATE, mode: "explain", focus: "back-pain" },
      { ...INITIAL_STATE, mode: "tour", focus: null, tour: "sports-injury-to-spasm", step: 5 },
    ];
    for (const view of views) expect(parseState(serializeState(view))).toEqual(view);
  });

  it("leaves out what the mode does not use", () => {
    const url = serializeState({ ...INITIAL_STATE, mode: "path", from: "a", to: "b", expanded: ["x"], tour: "t" });
    expect(url).toBe("?mode=path&from=a&to=b");
  });

  it("falls back to defaults on malformed or hostile values instead of failing", () => {
    const state = parseState("?mode=evil&depth=9&focus=<script>&expand=ok-id,BAD ID,../x&step=-1&hideKinds=ANATOMY,<b>");
    expect(state.mode).toBe("neighborhood");
    expect(state.depth).toBe(1);
    expect(state.focus).toBe(INITIAL_STATE.focus);
    expect(state.expanded).toEqual(["ok-id"]);
    expect(state.step).toBe(0);
    expect(state.hiddenKinds).toEqual(["ANATOMY"]);
  });
});

/** What the explorer shows; the URL's query string holds all of it, so a link reopens the same view. */
export type Mode = "neighborhood" | "path" | "explain" | "tour";

export interface ViewState {
  readonly mode: Mode;
  readonly focus: string | null;
  readonly depth: 1 | 2 | 3;
  readonly expanded: readonly string[];
  readonly hiddenKinds: readonly string[];
  readonly hiddenTypes: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly path: number;
  readonly tour: string | null;
  readonly step: number;
  readonly selected: string | null;
}

export const DEFAULT_FOCUS = "back-muscle-spasm";

export const INITIAL_STATE: ViewState = {
  mode: "neighborhood",
  focus: DEFAULT_FOCUS,
  depth: 1,
  expanded: [],
  hiddenKinds: [],
  hiddenTypes: [],
  from: null,
  to: null,
  path: 0,
  tour: null,
  step: 0,
  selected: null,
};

const MODES: readonly Mode[] = ["neighborhood", "path", "explain", "tour"];
const ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
const TOKEN = /^[A-Z_]{1,40}$/;

const list = (value: string | null, valid: RegExp): string[] =>
  (value ?? "").split(",").filter((item) => valid.test(item));
const id = (value: string | null): string | null => (value !== null && ID.test(value) ? value : null);
const int = (value: string | null, min: number, max: number, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max && value !== null && value !== "" ? n : fallback;
};

/** Reads a view state from a query string; anything malformed falls back to the default. */
export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const mode = MODES.find((m) => m === q.get("mode")) ?? "neighborhood";
  return {
    mode,
    focus: id(q.get("focus")) ?? (mode === "neighborhood" || mode === "explain" ? DEFAULT_FOCUS : null),
    depth: int(q.get("depth"), 1, 3, 1) as 1 | 2 | 3,
    expanded: list(q.get("expand"), ID),
    hiddenKinds: list(q.get("hideKinds"), TOKEN),
    hiddenTypes: list(q.get("hideTypes"), TOKEN),
    from: id(q.get("from")),
    to: id(q.get("to")),
    path: int(q.get("path"), 0, 49, 0),
    tour: id(q.get("tour")),
    step: int(q.get("step"), 0, 999, 0),
    selected: q.get("sel") !== null && q.get("sel")!.length <= 200 ? q.get("sel") : null,
  };
}

/** Writes only what the mode uses, so shared links stay short and stable. */
export function serializeState(state: ViewState): string {
  const q = new URLSearchParams();
  q.set("mode", state.mode);
  if (state.mode === "neighborhood" || state.mode === "explain") {
    if (state.focus !== null) q.set("focus", state.focus);
  }
  if (state.mode === "neighborhood") {
    if (state.depth !== 1) q.set("depth", String(state.depth));
    if (state.expanded.length > 0) q.set("expand", state.expanded.join(","));
  }
  if (state.mode === "path") {
    if (state.from !== null) q.set("from", state.from);
    if (state.to !== null) q.set("to", state.to);
    if (state.path !== 0) q.set("path", String(state.path));
  }
  if (state.mode === "tour") {
    if (state.tour !== null) q.set("tour", state.tour);
    q.set("step", String(state.step));
  }
  if (state.hiddenKinds.length > 0) q.set("hideKinds", state.hiddenKinds.join(","));
  if (state.hiddenTypes.length > 0) q.set("hideTypes", state.hiddenTypes.join(","));
  if (state.selected !== null) q.set("sel", state.selected);
  return `?${q.toString().replace(/%2C/g, ",")}`;
}

import { vocabulary, type ConceptRef } from "./api.js";
import { conceptPicker } from "./concept-picker.js";
import { renderDetails } from "./details-panel.js";
import { byId } from "./dom.js";
import { renderExport } from "./export-view.js";
import { renderFilters } from "./filters.js";
import { GraphCanvas } from "./graph-canvas.js";
import { renderLegend } from "./legend.js";
import { renderModePanel } from "./mode-panels.js";
import { loadScene, type SceneData } from "./scenes.js";
import { parseState, serializeState, type Mode, type ViewState } from "./state.js";
import { renderTextView } from "./text-view.js";

/** Figures the browser tests read: when the first view was drawn, and how many renders finished. */
interface ExplorerHandle {
  canvas: GraphCanvas;
  firstDrawMs: number | null;
  renders: number;
}
declare global {
  interface Window {
    explorer: ExplorerHandle;
  }
}

const MODE_TITLES: Record<Mode, string> = { neighborhood: "Neighbourhood", path: "Pathways", explain: "Why does it hurt?", tour: "Guided tours" };

let state: ViewState = parseState(location.search);
let renderTicket = 0;
const names = new Map<string, string>();
const canvasEl = byId("canvas");
const status = byId("status");

const canvas = new GraphCanvas(canvasEl, {
  select: (id) => navigate({ selected: id }, false),
  expand: (id) => navigate({ mode: "neighborhood", expanded: state.expanded.includes(id) ? state.expanded : [...state.expanded, id] }),
  collapse: (id) => navigate({ expanded: state.expanded.filter((x) => x !== id) }),
});
window.explorer = { canvas, firstDrawMs: null, renders: 0 };

/** Changes the view: a new history entry (push) or an in-place update of the URL, then redraws. */
function navigate(next: Partial<ViewState>, push = true): void {
  state = { ...state, ...next };
  const url = `${location.pathname}${serializeState(state)}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  void render();
}

window.addEventListener("popstate", () => {
  state = parseState(location.search);
  void render();
});

const search = conceptPicker({
  label: "Find a concept",
  placeholder: "Type a symptom, cause, treatment…",
  onChoose: (c: ConceptRef) => {
    names.set(c.id, c.name);
    if (state.mode === "explain") navigate({ focus: c.id, selected: null });
    else navigate({ mode: "neighborhood", focus: c.id, expanded: [], selected: null });
  },
});
byId("search-area").append(search.element);

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-mode]")) {
  button.addEventListener("click", () => {
    const mode = button.dataset["mode"] as Mode;
    if (mode === state.mode) return;
    const carry: Partial<ViewState> =
      mode === "path" ? { from: state.from ?? state.focus, to: state.to } : mode === "explain" ? { focus: state.focus ?? state.from ?? "back-muscle-spasm" } : {};
    navigate({ mode, selected: null, ...carry });
  });
}
byId("history-back").addEventListener("click", () => history.back());
byId("history-forward").addEventListener("click", () => history.forward());
renderExport(byId("export"), canvas, () => `explorer-${state.mode}-${state.focus ?? state.tour ?? state.from ?? "view"}`);

const causal = new Set<string>();
const intervention = new Set<string>();
const vocab = vocabulary().then((v) => {
  for (const t of v.relationTypes) {
    if (t.causal) causal.add(t.type);
    if (t.intervention) intervention.add(t.type);
  }
});

/** Loads the state's scene and brings every part of the page in line with it. */
async function render(): Promise<void> {
  const ticket = ++renderTicket;
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : "";
  document.body.dataset["busy"] = "true";
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-mode]")) button.setAttribute("aria-pressed", String(button.dataset["mode"] === state.mode));
  let loaded: SceneData;
  try {
    [, loaded] = await Promise.all([vocab, loadScene(state)]);
  } catch (error) {
    if (ticket !== renderTicket) return;
    status.textContent = `Could not load the view: ${error instanceof Error ? error.message : String(error)}`;
    byId("mode-panel").replaceChildren(status.cloneNode(true));
    document.body.dataset["busy"] = "false";
    return;
  }
  if (ticket !== renderTicket) return;

  for (const n of loaded.graph.nodes) names.set(n.id, n.name);
  document.title = `${loaded.title} · Back spasm explorer`;
  byId("view-title").textContent = loaded.title;

  canvas.show({ graph: loaded.graph, layout: loaded.layout, focus: loaded.focus, anchors: loaded.anchors, causalTypes: causal, interventionTypes: intervention, expanded: new Set(state.expanded) });
  canvas.applyFilters(state.hiddenKinds, state.hiddenTypes);
  canvas.highlight(loaded.highlight, state.mode === "tour" || state.mode === "path");
  canvas.select(state.selected);
  if (window.explorer.firstDrawMs === null && loaded.graph.nodes.length > 0) {
    window.explorer.firstDrawMs = performance.now();
    performance.mark("explorer-first-draw");
  }

  const visibleNodes = canvas.orderedNodes().map((n) => ({ id: n.id(), name: n.data("label") as string, kind: n.data("kind") as string }));
  const visibleEdgeIds = new Set(canvas.cy.edges().not(".filtered").map((e) => e.id()));
  const visibleEdges = loaded.graph.edges.filter((e) => visibleEdgeIds.has(e.id));
  const kinds = [...new Set(loaded.graph.nodes.map((n) => n.kind))].sort();
  const types = [...new Set(loaded.graph.edges.map((e) => e.type))].sort();
  renderLegend(byId("legend"), kinds);
  renderFilters(byId<HTMLDetailsElement>("filters"), {
    kinds,
    types,
    hiddenKinds: state.hiddenKinds,
    hiddenTypes: state.hiddenTypes,
    onChange: (hiddenKinds, hiddenTypes) => navigate({ hiddenKinds, hiddenTypes }, false),
  });
  renderTextView(byId("text-view"), { title: loaded.title, nodes: visibleNodes, edges: visibleEdges, names, selected: state.selected, onSelect: (id) => navigate({ selected: id }, false) });
  const selected = state.selected === null || canvas.cy.getElementById(state.selected).empty() ? null : { id: state.selected, isNode: canvas.cy.getElementById(state.selected).isNode() };
  const actions = {
    navigate,
    nameOf: (id: string) => names.get(id) ?? id,
  };
  await Promise.all([
    renderModePanel(byId("mode-panel"), state, loaded, actions),
    renderDetails(byId("details"), selected, {
      focus: (id) => navigate({ mode: "neighborhood", focus: id, expanded: [], selected: null }),
      expand: (id) => navigate({ mode: "neighborhood", expanded: [...state.expanded, id] }),
      collapse: (id) => navigate({ expanded: state.expanded.filter((x) => x !== id) }),
      explain: (id) => navigate({ mode: "explain", focus: id, selected: null }),
      isExpanded: (id) => state.expanded.includes(id),
    }),
  ]);
  if (ticket !== renderTicket) return;
  // Re-rendered controls replace the focused button; keep keyboard users where they were.
  const refocus = focusedId === "tour-next" && document.getElementById("tour-next") === null ? "tour-end" : focusedId;
  if (refocus !== "" && document.activeElement === document.body) document.getElementById(refocus)?.focus();
  status.textContent = `${MODE_TITLES[state.mode]}: ${loaded.title}. ${visibleNodes.length} concepts and ${visibleEdges.length} links on show.`;
  window.explorer.renders += 1;
  document.body.dataset["busy"] = "false";
}

void render();

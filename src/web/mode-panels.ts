import { relationDetails, tours, type ConceptRef } from "./api.js";
import { conceptPicker } from "./concept-picker.js";
import { evidenceArticle } from "./details-panel.js";
import { h } from "./dom.js";
import type { SceneData } from "./scenes.js";
import type { ViewState } from "./state.js";
import { kindStyle } from "./vocabulary-style.js";

export interface PanelActions {
  navigate(next: Partial<ViewState>, push?: boolean): void;
  nameOf(id: string): string;
}

/** Depth choice and the list of expanded concepts, each with a Collapse button. */
function neighborhoodPanel(state: ViewState, actions: PanelActions): Node[] {
  const depth = h(
    "select",
    { id: "depth", onchange: (e: Event) => actions.navigate({ depth: Number((e.target as HTMLSelectElement).value) as 1 | 2 | 3 }) },
    ...[1, 2, 3].map((d) => h("option", { value: d, selected: d === state.depth }, d === 1 ? "1 step" : `${d} steps`)),
  );
  return [
    h("h2", { class: "small-title" }, "Neighbourhood"),
    h("div", { class: "row" }, h("label", { for: "depth" }, "How far to look "), depth),
    state.expanded.length > 0
      ? h(
          "div",
          {},
          h("h3", {}, "Expanded"),
          h(
            "ul",
            { class: "expanded-list" },
            ...state.expanded.map((id) =>
              h("li", {}, actions.nameOf(id), " ", h("button", { type: "button", onclick: () => actions.navigate({ expanded: state.expanded.filter((x) => x !== id) }) }, `Collapse ${actions.nameOf(id)}`)),
            ),
          ),
        )
      : null,
  ].filter((x) => x !== null);
}

/** Two concept pickers and the pathways found, each selectable and listed in order. */
function pathPanel(state: ViewState, scene: SceneData, actions: PanelActions): HTMLElement[] {
  const from = conceptPicker({ label: "From", placeholder: "e.g. sports injury", onChoose: (c: ConceptRef) => actions.navigate({ from: c.id, path: 0, selected: null }) });
  const to = conceptPicker({ label: "To", placeholder: "e.g. back spasm", onChoose: (c: ConceptRef) => actions.navigate({ to: c.id, path: 0, selected: null }) });
  if (state.from !== null) from.setValue(actions.nameOf(state.from));
  if (state.to !== null) to.setValue(actions.nameOf(state.to));
  const found = scene.paths;
  const list =
    found === undefined
      ? h("p", {}, "Choose where to start and where to end.")
      : found.paths.length === 0
        ? h("p", { role: "status" }, "These two concepts are not connected.")
        : h(
            "ol",
            { class: "path-list", "aria-label": found.causal ? "Causal pathways" : "Shortest link (no causal pathway)" },
            ...found.paths.map((p, i) =>
              h(
                "li",
                { "data-path": i },
                h(
                  "button",
                  { type: "button", "aria-pressed": String(i === Math.min(state.path, found.paths.length - 1)), onclick: () => actions.navigate({ path: i }) },
                  `${found.causal ? "Pathway" : "Link"} ${i + 1}: ${p.hops} steps, ${p.evidenceCount} evidence`,
                ),
                h("ol", { class: "path-steps" }, ...p.nodes.map((n) => h("li", { "data-id": n.id }, n.name))),
                h("p", { class: "hint" }, "Choose a link in the drawing or the text view for its evidence."),
              ),
            ),
          );
  return [h("h2", { class: "small-title" }, "Pathways between two concepts"), from.element, to.element, list];
}

/** The causal chains to the explained concept, each step with the treatments acting there. */
function explainPanel(scene: SceneData, actions: PanelActions): Node[] {
  const ex = scene.explanation;
  if (ex === undefined) return [];
  return [
    h("h2", { class: "small-title" }, `Why does “${ex.target.name}” happen?`),
    h("p", {}, "Each chain runs from a root cause to the concept; treatments are shown at the step where they act."),
    ex.chains.length === 0 ? h("p", {}, "No causal chain leads here.") : null,
    h(
      "ol",
      { class: "chains" },
      ...ex.chains.map((chain, c) =>
        h(
          "li",
          { "data-chain": c },
          h("span", { class: "chain-title" }, `Chain ${c + 1} (${chain.hops} steps)`),
          h(
            "ol",
            { class: "chain-steps" },
            ...chain.steps.map((step) =>
              h(
                "li",
                { "data-id": step.concept.id },
                h("button", { type: "button", class: "link-button", onclick: () => actions.navigate({ selected: step.concept.id }, false) }, step.concept.name),
                step.interventions.length > 0
                  ? h("span", { class: "acts-here" }, ` — treatments acting here: ${[...new Set(step.interventions.map((i) => i.treatment.name))].join(", ")}`)
                  : null,
              ),
            ),
          ),
        ),
      ),
    ),
    ex.targetInterventions.length > 0
      ? h("p", { class: "acts-target" }, `Treatments acting on ${ex.target.name} itself: ${[...new Set(ex.targetInterventions.map((i) => i.treatment.name))].join(", ")}`)
      : null,
  ].filter((x) => x !== null);
}

/** The list of tours, or the current step's narrative and evidence with Back and Next. */
async function tourPanel(state: ViewState, scene: SceneData, actions: PanelActions): Promise<HTMLElement[]> {
  const data = scene.tour;
  if (data === undefined) {
    const list = await tours().catch(() => null);
    if (list === null) return [h("h2", { class: "small-title" }, "Guided tours"), h("p", { role: "alert" }, "This service offers no tours.")];
    return [
      h("h2", { class: "small-title" }, "Guided tours"),
      h(
        "ul",
        { class: "tour-list" },
        ...list.map((t) =>
          h("li", {}, h("button", { type: "button", "data-tour": t.id, onclick: () => actions.navigate({ tour: t.id, step: 0, selected: null }) }, t.title), h("p", {}, `${t.summary} (${t.stepCount} steps)`)),
        ),
      ),
    ];
  }
  const index = Math.min(state.step, data.steps.length - 1);
  const step = data.steps[index];
  if (step === undefined) return [h("p", {}, "This tour has no steps.")];
  const evidence = h("div", { class: "tour-evidence" });
  void Promise.all(step.relations.map((r) => relationDetails(r.id))).then((relations) =>
    evidence.replaceChildren(...relations.flatMap((r) => r.evidence.slice(0, 2).map(evidenceArticle))),
  );
  const last = index === data.steps.length - 1;
  return [
    h("h2", { class: "small-title" }, data.title),
    h("p", { class: "step-count", "aria-live": "polite" }, `Step ${index + 1} of ${data.steps.length}`),
    h("h3", { id: "tour-step-title" }, step.title),
    h("p", { class: "narrative" }, step.narrative),
    h(
      "div",
      { class: "tour-nav" },
      h("button", { type: "button", id: "tour-back", disabled: index === 0, onclick: () => actions.navigate({ step: index - 1, selected: null }) }, "Back"),
      last
        ? h("button", { type: "button", id: "tour-end", onclick: () => actions.navigate({ tour: null, step: 0, selected: null }) }, "End of tour: all tours")
        : h("button", { type: "button", id: "tour-next", onclick: () => actions.navigate({ step: index + 1, selected: null }) }, "Next"),
    ),
    h("ul", { class: "step-concepts", "aria-label": "Concepts in this step" }, ...step.concepts.map((c) => h("li", {}, `${c.name} (${kindStyle(c.kind).label})`))),
    evidence,
  ];
}

/** Fills the panel of the current mode. */
export async function renderModePanel(container: HTMLElement, state: ViewState, scene: SceneData, actions: PanelActions): Promise<void> {
  switch (state.mode) {
    case "neighborhood":
      container.replaceChildren(...neighborhoodPanel(state, actions));
      return;
    case "path":
      container.replaceChildren(...pathPanel(state, scene, actions));
      return;
    case "explain":
      container.replaceChildren(...explainPanel(scene, actions));
      return;
    case "tour":
      container.replaceChildren(...(await tourPanel(state, scene, actions)));
      return;
  }
}

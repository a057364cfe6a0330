import type { ConceptRef, RelationRef } from "./api.js";
import { h } from "./dom.js";
import { kindStyle, relationLabel } from "./vocabulary-style.js";

/**
 * The graph as text, kept in step with the canvas: the same visible concepts in the same reading
 * order, and every visible link with the claims it rests on. Screen-reader users get the same
 * knowledge as sighted ones; each entry opens the details like a click on the drawing.
 */
export function renderTextView(
  container: HTMLElement,
  view: { title: string; nodes: readonly ConceptRef[]; edges: readonly RelationRef[]; names: ReadonlyMap<string, string>; selected: string | null; onSelect(id: string): void },
): void {
  const name = (id: string) => view.names.get(id) ?? id;
  container.replaceChildren(
    h("h2", { id: "text-view-title" }, "The graph as text"),
    h("p", {}, `${view.title}: ${view.nodes.length} concepts and ${view.edges.length} links on show.`),
    h("h3", {}, `Concepts (${view.nodes.length})`),
    h(
      "ul",
      { class: "text-nodes" },
      ...view.nodes.map((n) =>
        h(
          "li",
          { "data-id": n.id },
          h("button", { type: "button", class: "link-button", "aria-pressed": String(view.selected === n.id), onclick: () => view.onSelect(n.id) }, n.name),
          ` (${kindStyle(n.kind).label})`,
        ),
      ),
    ),
    h("h3", {}, `Links (${view.edges.length})`),
    h(
      "ul",
      { class: "text-edges" },
      ...view.edges.map((e) =>
        h(
          "li",
          { "data-id": e.id },
          h(
            "button",
            { type: "button", class: "link-button", "aria-pressed": String(view.selected === e.id), onclick: () => view.onSelect(e.id) },
            `${name(e.from.id)} ${relationLabel(e.type)} ${name(e.to.id)}`,
          ),
          e.evidence.length > 0
            ? h("ul", { class: "claims" }, ...e.evidence.map((ev) => h("li", {}, `${ev.claim} (section: ${ev.locator.section.label})`)))
            : null,
        ),
      ),
    ),
  );
}

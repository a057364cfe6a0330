import { h } from "./dom.js";
import { kindStyle } from "./vocabulary-style.js";

const svgIcon = (inner: string, color: string): HTMLElement => {
  const span = h("span", { class: "icon", "aria-hidden": "true" });
  span.innerHTML = `<svg viewBox="0 0 20 20" width="20" height="20" fill="${color}" stroke="#1a1a1a" stroke-width="0.8">${inner}</svg>`;
  return span;
};

const EDGE_ICONS = {
  causal: '<line x1="1" y1="10" x2="15" y2="10" stroke="#9e1b32" stroke-width="3.5"/><polygon points="13,5 19,10 13,15" fill="#9e1b32" stroke="none"/>',
  intervention: '<line x1="1" y1="10" x2="17" y2="10" stroke="#1b7837" stroke-width="2" stroke-dasharray="2 2"/><line x1="18" y1="4" x2="18" y2="16" stroke="#1b7837" stroke-width="2.5"/>',
  other: '<line x1="1" y1="10" x2="15" y2="10" stroke="#6e6e6e" stroke-width="1.5" stroke-dasharray="4 3"/><polygon points="13,6 19,10 13,14" fill="#6e6e6e" stroke="none"/>',
};

/** The legend: every concept kind on show with its colour and shape, and the three kinds of line. */
export function renderLegend(container: HTMLElement, kinds: readonly string[]): void {
  container.replaceChildren(
    h("h2", { id: "legend-title" }, "Legend"),
    h("ul", { class: "legend-kinds" }, ...kinds.map((kind) => h("li", { "data-kind": kind }, svgIcon(kindStyle(kind).icon, kindStyle(kind).color), kindStyle(kind).label))),
    h(
      "ul",
      { class: "legend-edges" },
      h("li", {}, svgIcon(EDGE_ICONS.causal, "none"), "Causal link (causes, contributes to, precedes): thick solid line"),
      h("li", {}, svgIcon(EDGE_ICONS.intervention, "none"), "A treatment acting on something: dotted line ending in a bar"),
      h("li", {}, svgIcon(EDGE_ICONS.other, "none"), "Any other link: thin dashed line"),
    ),
  );
}

import type { GraphCanvas } from "./graph-canvas.js";
import { h } from "./dom.js";

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Buttons that save the current view as PNG or SVG, and its subgraph as Cytoscape.js JSON. */
export function renderExport(container: HTMLElement, canvas: GraphCanvas, baseName: () => string): void {
  container.replaceChildren(
    h("h2", { class: "small-title" }, "Save this view"),
    h("button", { type: "button", onclick: () => download(canvas.png(), `${baseName()}.png`) }, "PNG image"),
    h("button", { type: "button", onclick: () => download(new Blob([canvas.svg()], { type: "image/svg+xml" }), `${baseName()}.svg`) }, "SVG drawing"),
    h("button", { type: "button", onclick: () => download(new Blob([canvas.json()], { type: "application/json" }), `${baseName()}.cytoscape.json`) }, "Cytoscape JSON"),
  );
}

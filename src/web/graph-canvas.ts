import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import dagre from "cytoscape-dagre";
import svg from "cytoscape-svg";
import type { ConceptRef, GraphData } from "./api.js";
import { kindStyle, relationLabel } from "./vocabulary-style.js";

cytoscape.use(dagre);
cytoscape.use(svg as cytoscape.Ext);

export type LayoutName = "neighborhood" | "layered";

export interface CanvasHandlers {
  /** A node or edge was chosen (click, tap, Enter); null when the selection was cleared. */
  select(id: string | null): void;
  expand(id: string): void;
  collapse(id: string): void;
}

export interface Scene {
  readonly graph: GraphData;
  readonly layout: LayoutName;
  readonly focus?: string | null;
  /** Nodes placed under another node instead of in the layers (treatments under the step they act on). */
  readonly anchors?: ReadonlyMap<string, string>;
  readonly causalTypes: ReadonlySet<string>;
  readonly interventionTypes: ReadonlySet<string>;
  /** Concepts whose neighbours were added on request; drawn with a double border. */
  readonly expanded?: ReadonlySet<string>;
}

const reducedMotion = (): boolean => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      shape: "data(shape)" as never,
      label: "data(label)",
      width: 30,
      height: 30,
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      // Labels too small to read are not drawn: this keeps large graphs fluid when zoomed out.
      "min-zoomed-font-size": 7,
      color: "#1a1a1a",
      "text-wrap": "wrap",
      "text-max-width": "120px",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  { selector: "node.focus", style: { width: 44, height: 44, "border-width": 4, "border-color": "#1a1a1a", "font-weight": "bold" } },
  { selector: "node.expanded", style: { "border-style": "double", "border-width": 5, "border-color": "#1a1a1a" } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "line-color": "#6e6e6e",
      "line-style": "dashed",
      "target-arrow-shape": "triangle",
      "target-arrow-color": "#6e6e6e",
      label: "data(label)",
      "font-size": 9,
      "font-family": "system-ui, sans-serif",
      "min-zoomed-font-size": 7,
      color: "#333333",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.9,
      "text-background-padding": "1px",
    },
  },
  { selector: "edge.causal", style: { width: 3.5, "line-style": "solid", "line-color": "#9e1b32", "target-arrow-color": "#9e1b32", "font-weight": "bold" } },
  { selector: "edge.intervention", style: { width: 2, "line-style": "dotted", "line-color": "#1b7837", "target-arrow-color": "#1b7837", "target-arrow-shape": "tee" } },
  { selector: ".hl", style: { "underlay-color": "#ffc400", "underlay-opacity": 0.75, "underlay-padding": 7 } },
  { selector: ":selected", style: { "underlay-color": "#0050b3", "underlay-opacity": 0.45, "underlay-padding": 9 } },
  { selector: ".faded", style: { opacity: 0.22 } },
  { selector: ".filtered", style: { display: "none" } },
];

/** The Cytoscape.js drawing: elements, layouts, highlights, keyboard moves between nodes, exports. */
export class GraphCanvas {
  readonly cy: Core;
  private signature = "";
  private keyboardIndex = -1;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: CanvasHandlers,
  ) {
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.05, maxZoom: 4, selectionType: "single", boxSelectionEnabled: false });
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) handlers.select(null);
      else handlers.select((event.target as NodeSingular).id());
    });
    container.addEventListener("keydown", (event) => this.onKey(event));
  }

  /** Draws a scene; the same elements and layout as before keep their positions. */
  show(scene: Scene): boolean {
    const signature = JSON.stringify([scene.layout, scene.graph.nodes.map((n) => n.id), scene.graph.edges.map((e) => e.id)]);
    if (signature === this.signature) {
      const expanded = scene.expanded ?? new Set<string>();
      this.cy.nodes().forEach((n) => {
        n.toggleClass("focus", n.id() === scene.focus);
        n.toggleClass("expanded", expanded.has(n.id()));
      });
      return false;
    }
    this.signature = signature;
    const elements: ElementDefinition[] = [
      ...scene.graph.nodes.map((n) => this.nodeElement(n, scene.focus ?? null, scene.expanded ?? new Set<string>())),
      ...scene.graph.edges
        .filter((e) => scene.graph.nodes.some((n) => n.id === e.from.id) && scene.graph.nodes.some((n) => n.id === e.to.id))
        .map((e) => ({
          group: "edges" as const,
          // Thousands of edge labels make panning stutter; big graphs keep them in the text view only.
          data: { id: e.id, source: e.from.id, target: e.to.id, type: e.type, label: scene.graph.nodes.length > 500 ? "" : relationLabel(e.type) },
          classes: scene.causalTypes.has(e.type) ? "causal" : scene.interventionTypes.has(e.type) ? "intervention" : "other",
        })),
    ];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    this.keyboardIndex = -1;
    this.runLayout(scene);
    return true;
  }

  private nodeElement(n: ConceptRef, focus: string | null, expanded: ReadonlySet<string>): ElementDefinition {
    const style = kindStyle(n.kind);
    const classes = [n.id === focus ? "focus" : "", expanded.has(n.id) ? "expanded" : ""].join(" ").trim();
    return { group: "nodes", data: { id: n.id, label: n.name, kind: n.kind, color: style.color, shape: style.shape }, classes };
  }

  private runLayout(scene: Scene): void {
    const anchors = scene.anchors ?? new Map<string, string>();
    if (scene.layout === "layered") {
      const layered = this.cy.elements().filter((el) => !anchors.has(el.isNode() ? el.id() : el.source().id()));
      layered.layout({ name: "dagre", rankDir: "LR", nodeSep: 50, rankSep: 110, edgeSep: 10, animate: false, fit: false } as cytoscape.LayoutOptions).run();
      // Anchored nodes go in a band under the layers, stacked in the column of the node they belong to.
      const bottom = layered.nodes().reduce((max, n) => Math.max(max, n.position("y")), 0);
      const placed = new Map<string, number>();
      for (const [node, target] of anchors) {
        const at = this.cy.getElementById(target);
        if (at.empty()) continue;
        const below = (placed.get(target) ?? 0) + 1;
        placed.set(target, below);
        this.cy.getElementById(node).position({ x: at.position("x"), y: bottom + 75 * below });
      }
    } else {
      const many = this.cy.nodes().length > 150;
      const near = this.nearFocus(scene.focus ?? null);
      const options = many
        ? { name: "concentric", concentric: (n: NodeSingular) => (n.id() === scene.focus ? 3 : near.has(n.id()) ? 2 : 1), levelWidth: () => 1, animate: false, fit: false, minNodeSpacing: 8 }
        : { name: "cose", animate: false, fit: false, randomize: true, nodeRepulsion: () => 600_000, idealEdgeLength: () => 130, nodeOverlap: 40, gravity: 0.2, numIter: 400, initialTemp: 400 };
      this.cy.layout(options as cytoscape.LayoutOptions).run();
    }
    this.cy.fit(undefined, 30);
    // A handful of concepts would otherwise be blown up to poster size.
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  /** Ids of the focus's direct neighbours, for the rings of the concentric layout. */
  private nearFocus(focus: string | null): Set<string> {
    if (focus === null) return new Set();
    return new Set(this.cy.getElementById(focus).neighborhood().nodes().map((n) => n.id()));
  }

  /** Hides the concepts of the hidden kinds and the links of the hidden types (and links to hidden concepts). */
  applyFilters(hiddenKinds: readonly string[], hiddenTypes: readonly string[]): void {
    const kinds = new Set(hiddenKinds);
    const types = new Set(hiddenTypes);
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.toggleClass("filtered", kinds.has(n.data("kind") as string));
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass("filtered", types.has(e.data("type") as string) || kinds.has(e.source().data("kind") as string) || kinds.has(e.target().data("kind") as string));
      });
    });
  }

  /** Marks the given elements, fades the rest (null clears), and optionally brings them into view. */
  highlight(ids: readonly string[] | null, pan: boolean): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass("hl faded");
      if (ids === null) return;
      const marked = this.cy.collection();
      for (const id of ids) marked.merge(this.cy.getElementById(id));
      marked.addClass("hl");
      this.cy.elements().difference(marked).addClass("faded");
    });
    if (pan && ids !== null && ids.length > 0) this.bringIntoView(ids);
  }

  /** Pans and zooms to the elements, animated unless the person prefers reduced motion. */
  bringIntoView(ids: readonly string[]): void {
    let target = this.cy.collection();
    for (const id of ids) target.merge(this.cy.getElementById(id));
    if (target.empty()) return;
    // A few elements alone would fill the canvas and cut their labels: show their neighbours as context.
    if (target.nodes().length < 4) target = target.union(target.nodes().closedNeighborhood());
    const fit = { eles: target, padding: 70 };
    if (reducedMotion()) this.cy.fit(target, 70);
    else this.cy.animate({ fit, duration: 350 });
  }

  /** Selects one element (or none) without telling the handlers. */
  select(id: string | null): void {
    this.cy.elements().unselect();
    if (id === null) return;
    const el = this.cy.getElementById(id);
    if (el.nonempty()) el.select();
    const index = this.orderedNodes().findIndex((n) => n.id() === id);
    if (index >= 0) this.keyboardIndex = index;
  }

  /** Visible nodes in reading order (left to right, top to bottom), as shown in the text view. */
  orderedNodes(): NodeSingular[] {
    return this.cy
      .nodes().not(".filtered")
      .toArray()
      .map((n) => n as NodeSingular)
      .sort((a, b) => a.position("x") - b.position("x") || a.position("y") - b.position("y") || a.id().localeCompare(b.id()));
  }

  private onKey(event: KeyboardEvent): void {
    const nodes = this.orderedNodes();
    if (nodes.length === 0) return;
    const current = nodes[this.keyboardIndex];
    const move = (delta: number) => {
      this.keyboardIndex = (this.keyboardIndex + delta + nodes.length) % nodes.length;
      const node = nodes[this.keyboardIndex]!;
      this.handlers.select(node.id());
      this.bringIntoView([node.id()]);
    };
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        move(1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        move(this.keyboardIndex < 0 ? 0 : -1);
        break;
      case "Enter":
      case " ":
        if (current !== undefined) this.handlers.select(current.id());
        else move(1);
        break;
      case "+":
      case "e":
        if (current !== undefined) this.handlers.expand(current.id());
        break;
      case "-":
      case "c":
        if (current !== undefined) this.handlers.collapse(current.id());
        break;
      case "Escape":
        this.handlers.select(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** The current view as a PNG. */
  png(): Blob {
    return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
  }

  /** The current view as an SVG document. */
  svg(): string {
    return this.cy.svg({ full: true, bg: "#ffffff" });
  }

  /** The visible subgraph as Cytoscape.js JSON (elements plus the view's zoom and pan). */
  json(): string {
    const visible = this.cy.elements().not(".filtered");
    return JSON.stringify({ format_version: "1.0", generated_by: "back-spasm-explorer", elements: visible.jsons(), zoom: this.cy.zoom(), pan: this.cy.pan() }, null, 2);
  }
}

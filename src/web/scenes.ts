import { explain, neighborhood, pathways, tour, type ConceptRef, type ExplanationData, type GraphData, type InterventionData, type PathData, type RelationRef, type TourData } from "./api.js";
import type { LayoutName } from "./graph-canvas.js";
import type { ViewState } from "./state.js";

/** What one mode wants drawn, plus the mode's own data for its panel. */
export interface SceneData {
  readonly graph: GraphData;
  readonly layout: LayoutName;
  readonly focus: string | null;
  readonly anchors: ReadonlyMap<string, string>;
  /** Elements to highlight (a selected path, a tour step); null for none. */
  readonly highlight: readonly string[] | null;
  readonly title: string;
  readonly paths?: { causal: boolean; paths: readonly PathData[] };
  readonly explanation?: ExplanationData;
  readonly tour?: TourData;
}

/** The union of several graphs, each concept and relation once, in first-seen order. */
export function mergeGraphs(graphs: readonly GraphData[]): GraphData {
  const nodes = new Map<string, ConceptRef>();
  const edges = new Map<string, RelationRef>();
  for (const g of graphs) {
    for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

const EMPTY: GraphData = { nodes: [], edges: [] };
const pathIds = (p: PathData): string[] => [...p.nodes.map((n) => n.id), ...p.relations.map((r) => r.id)];

/** Loads what the view state asks for from the API and shapes it for the canvas and panels. */
export async function loadScene(state: ViewState): Promise<SceneData> {
  const none = new Map<string, string>();
  switch (state.mode) {
    case "neighborhood": {
      const focus = state.focus ?? "back-muscle-spasm";
      const graphs = await Promise.all([neighborhood(focus, state.depth), ...state.expanded.map((id) => neighborhood(id, 1))]);
      const graph = mergeGraphs(graphs);
      const name = graph.nodes.find((n) => n.id === focus)?.name ?? focus;
      const first = graphs[0]!;
      const partial = first.total > first.nodes.length ? ` (the nearest ${first.nodes.length} of ${first.total} concepts)` : "";
      return { graph, layout: "neighborhood", focus, anchors: none, highlight: null, title: `Neighbourhood of ${name}, depth ${state.depth}${partial}` };
    }
    case "path": {
      if (state.from === null || state.to === null) return { graph: EMPTY, layout: "layered", focus: null, anchors: none, highlight: null, title: "Pathways: choose two concepts" };
      const found = await pathways(state.from, state.to);
      const graph = mergeGraphs(found.paths.map((p) => ({ nodes: p.nodes, edges: p.relations })));
      const chosen = found.paths[Math.min(state.path, found.paths.length - 1)];
      const names = (id: string | null) => graph.nodes.find((n) => n.id === id)?.name ?? id ?? "";
      return {
        graph,
        layout: "layered",
        focus: null,
        anchors: none,
        highlight: chosen !== undefined && found.paths.length > 1 ? pathIds(chosen) : null,
        title: `${found.causal ? "Causal pathways" : "Shortest link"} from ${names(state.from)} to ${names(state.to)}`,
        paths: found,
      };
    }
    case "explain": {
      const focus = state.focus ?? "back-muscle-spasm";
      const explanation = await explain(focus);
      const anchors = new Map<string, string>();
      const graphs: GraphData[] = [{ nodes: [explanation.target], edges: [] }];
      // A treatment is drawn under the earliest step it acts on: where it breaks the chain first.
      const interventions: { at: number; i: InterventionData }[] = explanation.targetInterventions.map((i) => ({ at: Number.MAX_SAFE_INTEGER, i }));
      for (const chain of explanation.chains) {
        for (const step of chain.steps) {
          graphs.push({ nodes: [step.concept], edges: step.relationToNext !== null ? [step.relationToNext] : [] });
          interventions.push(...step.interventions.map((i) => ({ at: step.position, i })));
        }
      }
      for (const { i } of [...interventions].sort((a, b) => a.at - b.at)) {
        graphs.push({ nodes: [i.treatment, i.target], edges: [{ ...i.relation, evidence: i.relation.evidence ?? [] }] });
        if (!anchors.has(i.treatment.id)) anchors.set(i.treatment.id, i.target.id);
      }
      return { graph: mergeGraphs(graphs), layout: "layered", focus, anchors, highlight: null, title: `Why ${explanation.target.name}: causes and where treatments act`, explanation };
    }
    case "tour": {
      if (state.tour === null) return { graph: EMPTY, layout: "layered", focus: null, anchors: none, highlight: null, title: "Guided tours" };
      const data = await tour(state.tour);
      const graph = mergeGraphs(data.steps.map((s) => ({ nodes: s.concepts, edges: s.relations })));
      const step = data.steps[Math.min(state.step, data.steps.length - 1)];
      const highlight = step === undefined ? null : [...step.concepts.map((c) => c.id), ...step.relations.map((r) => r.id)];
      return { graph, layout: "layered", focus: step?.focus?.id ?? null, anchors: none, highlight, title: `Tour: ${data.title}`, tour: data };
    }
  }
}

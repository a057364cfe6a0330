import { isDeepStrictEqual } from "node:util";
import type { KnowledgeGraph } from "./knowledge-graph.model.js";
import { compareCodeUnits } from "./path-ranking.js";

/**
 * The graph as far as seed files can express it, so that a graph and the seed written from it compare
 * equal: sources, concepts and relations by id; evidence ids renumbered by position ("<relation>#1",
 * as the validator numbers them, whatever ids curation gave them); tours in order with their
 * positions renumbered from 0 (the loader derives them from the seed order).
 */
export function seedNormalForm(graph: KnowledgeGraph): KnowledgeGraph {
  const byId = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => compareCodeUnits(a.id, b.id));
  return {
    sources: byId(graph.sources),
    concepts: byId(graph.concepts),
    relations: byId(graph.relations).map((r) => ({ ...r, evidence: r.evidence.map((e, i) => ({ ...e, id: `${r.id}#${i + 1}` })) })),
    tours: [...graph.tours].sort((a, b) => a.position - b.position).map((t, position) => ({ ...t, position })),
  };
}

/** Where two graphs differ in seed normal form (the first differing entry), or null when they are the same. */
export function seedDifference(a: KnowledgeGraph, b: KnowledgeGraph): string | null {
  const x = seedNormalForm(a);
  const y = seedNormalForm(b);
  for (const part of ["sources", "concepts", "relations", "tours"] as const) {
    const left: readonly { id: string }[] = x[part];
    const right: readonly { id: string }[] = y[part];
    if (left.length !== right.length) return `${part}: ${left.length} against ${right.length}`;
    const at = left.findIndex((item, i) => !isDeepStrictEqual(item, right[i]));
    if (at >= 0) return `${part}: "${left[at]!.id}" differs`;
  }
  return null;
}

/**
 * The arguments the benchmark asks with, drawn deterministically from the seed graph so that every setup gets
 * the same requests in the same order and no cache wins by seeing one request over and over.
 */
import type { KnowledgeGraph } from "../src/domain/knowledge-graph.model.js";
import { CAUSAL_RELATION_TYPES } from "../src/domain/relation-type.js";
import { searchTokens } from "../src/domain/search-text.js";

export interface BenchArguments {
  /** Every concept id, in code-unit order. */
  readonly conceptIds: readonly string[];
  /** Every condition id (the only kind with an overview). */
  readonly conditionIds: readonly string[];
  /** (from, to) pairs joined by at least one directed causal path of at most `PATH_MAX_HOPS` hops. */
  readonly pathPairs: readonly { readonly from: string; readonly to: string }[];
  /** Search texts made from concept names, most with one letter dropped from their longest word (a typo). */
  readonly searchTexts: readonly string[];
}

/** Longest path the benchmark's causalPathways question walks (the API's default maxHops). */
export const PATH_MAX_HOPS = 6;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Derives the benchmark's argument lists from a validated graph; the same graph always gives the same lists. */
export function benchArguments(graph: KnowledgeGraph): BenchArguments {
  const concepts = [...graph.concepts].sort((a, b) => byCodeUnits(a.id, b.id));
  return {
    conceptIds: concepts.map((c) => c.id),
    conditionIds: concepts.filter((c) => c.kind === "condition").map((c) => c.id),
    pathPairs: causalPairs(graph, concepts.map((c) => c.id)),
    searchTexts: [...new Set(concepts.map((c) => searchTextFor(c.name)).filter((t) => t !== ""))],
  };
}

/** Pairs (from, to), from != to, where `to` is reachable from `from` along causal relations within PATH_MAX_HOPS. */
function causalPairs(graph: KnowledgeGraph, ids: readonly string[]): { from: string; to: string }[] {
  const next = new Map<string, string[]>();
  for (const r of graph.relations) {
    if (!CAUSAL_RELATION_TYPES.includes(r.type)) continue;
    next.set(r.from, [...(next.get(r.from) ?? []), r.to]);
  }
  const pairs: { from: string; to: string }[] = [];
  for (const from of ids) {
    const reached = new Set<string>();
    let frontier = [from];
    for (let hop = 0; hop < PATH_MAX_HOPS && frontier.length > 0; hop++) {
      frontier = frontier.flatMap((id) => next.get(id) ?? []).filter((id) => !reached.has(id) && id !== from);
      for (const id of frontier) reached.add(id);
    }
    for (const to of [...reached].sort(byCodeUnits)) pairs.push({ from, to });
  }
  return pairs;
}

/**
 * A search text from a concept name: its words, with the middle letter of the longest word dropped when that
 * word has six letters or more (one edit, which every setup's fuzzy matching allows from four letters).
 */
function searchTextFor(name: string): string {
  const words = searchTokens(name);
  const longest = words.reduce((best, w) => (w.length > best.length ? w : best), "");
  if (longest.length < 6) return words.join(" ");
  const mid = Math.floor(longest.length / 2);
  return words.map((w) => (w === longest ? w.slice(0, mid) + w.slice(mid + 1) : w)).join(" ");
}

import type { ConceptKind } from "../domain/concept-kind.js";
import type { XrefMatch } from "../domain/cross-reference.js";
import type { AgentType, KnowledgeLevel } from "../domain/evidence.js";
import type { KnowledgeGraph } from "../domain/knowledge-graph.model.js";
import type { RelationType } from "../domain/relation-type.js";

/** One kind of link seen in a template graph: its type, the kinds it joins, and how common it is. */
export interface LinkPattern {
  readonly type: RelationType;
  readonly fromKind: ConceptKind;
  readonly toKind: ConceptKind;
  /** Relations of this pattern per concept of the template. */
  readonly perConcept: number;
}

/** The statistics a synthetic graph copies from a curated one, so that it is shaped the same way. */
export interface GraphShape {
  /** Share of each kind among concepts, in a fixed order; the shares sum to 1. */
  readonly kindShares: readonly (readonly [ConceptKind, number])[];
  readonly links: readonly LinkPattern[];
  /** Evidence records per relation, as seen: one entry per template relation. */
  readonly evidenceCounts: readonly number[];
  /** Knowledge level and agent type of each template evidence record. */
  readonly provenance: readonly { readonly knowledgeLevel: KnowledgeLevel; readonly agentType: AgentType }[];
  /** Share of concepts that carry at least one standard identifier. */
  readonly xrefShare: number;
  /** The template's own (verified) identifiers: generated concepts reuse these, never invent new ones. */
  readonly xrefPool: readonly { readonly curie: string; readonly match: CrossReferenceMatch }[];
}

type CrossReferenceMatch = XrefMatch;

/** Measures the shape of a (validated) graph: kind mix, link patterns, evidence per relation, provenance. */
export function measureShape(graph: KnowledgeGraph): GraphShape {
  const n = graph.concepts.length;
  if (n === 0) throw new Error("cannot measure the shape of an empty graph");
  const kindOf = new Map(graph.concepts.map((c) => [c.id, c.kind]));
  const kindCounts = new Map<ConceptKind, number>();
  for (const c of graph.concepts) kindCounts.set(c.kind, (kindCounts.get(c.kind) ?? 0) + 1);
  const patternCounts = new Map<string, { type: RelationType; fromKind: ConceptKind; toKind: ConceptKind; count: number }>();
  for (const r of graph.relations) {
    const fromKind = kindOf.get(r.from);
    const toKind = kindOf.get(r.to);
    if (fromKind === undefined || toKind === undefined) continue;
    const key = `${r.type}|${fromKind}|${toKind}`;
    const seen = patternCounts.get(key) ?? { type: r.type, fromKind, toKind, count: 0 };
    seen.count++;
    patternCounts.set(key, seen);
  }
  return {
    kindShares: [...kindCounts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => [kind, count / n] as const),
    links: [...patternCounts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, p]) => ({ type: p.type, fromKind: p.fromKind, toKind: p.toKind, perConcept: p.count / n })),
    evidenceCounts: graph.relations.map((r) => r.evidence.length),
    provenance: graph.relations.flatMap((r) => r.evidence.map((e) => ({ knowledgeLevel: e.knowledgeLevel, agentType: e.agentType }))),
    xrefShare: graph.concepts.filter((c) => c.xrefs.length > 0).length / n,
    xrefPool: graph.concepts.flatMap((c) => c.xrefs.map((x) => ({ curie: x.curie, match: x.match }))),
  };
}

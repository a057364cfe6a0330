import type { Concept, KnowledgeGraph, Relation } from "../domain/knowledge-graph.model.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptRecord, Keyset, RelationRecord } from "../store/store.types.js";

/** Page size of the walks; large enough that the curated graph needs one round trip per step. */
const PAGE = 500;

/**
 * Reads the whole graph through the KnowledgeStore interface, so both backends export the same
 * thing by construction. Everything is ordered by id (sources, concepts, relations) and evidence by
 * position, which makes exports byte-stable.
 */
export async function readGraphSnapshot(store: KnowledgeStore): Promise<KnowledgeGraph> {
  const [sources, concepts] = await Promise.all([store.allSources(), allConcepts(store)]);
  const records = await allRelations(store, concepts.map((c) => c.id));
  const evidence = await store.evidenceByRelationIds(records.map((r) => r.id));
  const relations: Relation[] = records.map((r, i) => ({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    qualifiers: r.qualifiers,
    dataset: r.dataset,
    evidence: evidence[i] ?? [],
  }));
  return {
    sources: [...sources].sort((a, b) => compareCodeUnits(a.id, b.id)),
    concepts: [...concepts].sort((a, b) => compareCodeUnits(a.id, b.id)),
    relations,
    // Exports carry the knowledge (concepts, relations, evidence, sources); tours are teaching material, not graph data.
    tours: [],
  };
}

async function allConcepts(store: KnowledgeStore): Promise<ConceptRecord[]> {
  const out: Concept[] = [];
  let cursor: Keyset | null = null;
  for (;;) {
    const page = await store.conceptPage({ filter: {}, order: "ID_ASC", forward: true, limit: PAGE, cursor });
    out.push(...page.items);
    const last = page.items.at(-1);
    if (!page.hasMore || last === undefined) return out;
    cursor = [last.id];
  }
}

/** Every relation once: each concept's outgoing relations, followed page by page, sorted by id. */
async function allRelations(store: KnowledgeStore, conceptIds: readonly string[]): Promise<RelationRecord[]> {
  const byId = new Map<string, RelationRecord>();
  let pending = conceptIds.map((conceptId) => ({ conceptId, after: null as string | null }));
  while (pending.length > 0) {
    const pages = await store.relationPages(pending.map((p) => ({ conceptId: p.conceptId, direction: "out", types: null, limit: PAGE, after: p.after })));
    const next: typeof pending = [];
    pages.forEach((page, i) => {
      for (const link of page.items) byId.set(link.relation.id, link.relation);
      const last = page.items.at(-1);
      if (page.hasMore && last !== undefined) next.push({ conceptId: pending[i]!.conceptId, after: last.relation.id });
    });
    pending = next;
  }
  return [...byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
}

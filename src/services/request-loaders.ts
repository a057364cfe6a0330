import DataLoader from "dataloader";
import { evidenceFilterKey, type EvidenceFilter } from "../domain/evidence-filter.js";
import type { PlanAnswer, PlannedValueOf } from "../plan/plan-result.js";
import type { ReadPlan } from "../plan/read-plan.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { afterPausedWork } from "../store/request-scope.js";
import type {
  ConceptRecord,
  EvidenceRecord,
  InterventionLink,
  Link,
  LinkRequest,
  RelationPage,
  RelationPageRequest,
  ReachRequest,
  ReachedConcept,
  RelationRecord,
  SourceRecord,
} from "../store/store.types.js";

/**
 * Per-request DataLoaders over the store's batch methods: every key requested while one level of a
 * GraphQL query resolves goes to the store in a single call. Built fresh for each request, so the
 * cache never outlives it.
 */
export interface RequestLoaders {
  readonly concept: DataLoader<string, ConceptRecord | null>;
  readonly relation: DataLoader<string, RelationRecord | null>;
  readonly source: DataLoader<string, SourceRecord | null>;
  readonly links: DataLoader<LinkRequest, Link[], string>;
  readonly relationPage: DataLoader<RelationPageRequest, RelationPage, string>;
  readonly reach: DataLoader<ReachRequest, ReachedConcept[], string>;
  readonly treatmentOptions: DataLoader<string, InterventionLink[]>;
  readonly evidenceByRelation: DataLoader<string, EvidenceRecord[]>;
  readonly evidenceBySource: DataLoader<string, EvidenceRecord[]>;
  readonly conceptsBySource: DataLoader<string, ConceptRecord[]>;
  /** Read plans asked for together (a request's root fields), answered in one call to the store: on Neo4j, one statement. */
  readonly plans: DataLoader<ReadPlan, PlanAnswer<PlannedValueOf<ReadPlan>>>;
  /** The treatment-option and evidence loaders for one evidence filter (the ones above for none). */
  byEvidence(filter: EvidenceFilter | null): EvidenceScopedLoaders;
  /** Forgets everything loaded so far, so the next load reads the store again (after a write in this request). */
  clearAll(): void;
}

/** Loaders whose store calls take one evidence filter for the whole batch. */
export interface EvidenceScopedLoaders {
  readonly treatmentOptions: DataLoader<string, InterventionLink[]>;
  readonly evidenceByRelation: DataLoader<string, EvidenceRecord[]>;
  readonly evidenceBySource: DataLoader<string, EvidenceRecord[]>;
}

/** Batches are sent once paced work has resumed, so pausing never splits one level's keys into two round trips. */
const paced = { batchScheduleFn: afterPausedWork };

/** Creates the loaders for one request; concepts that arrive through links or reach prime the concept cache. */
export function createRequestLoaders(store: KnowledgeStore): RequestLoaders {
  const concept = new DataLoader<string, ConceptRecord | null>((ids) => store.conceptsByIds(ids), paced);
  const primeConcepts = (records: readonly ConceptRecord[]): void => {
    for (const c of records) concept.prime(c.id, c);
  };
  const scoped = (filter: EvidenceFilter | null): EvidenceScopedLoaders => ({
    treatmentOptions: new DataLoader<string, InterventionLink[]>(async (ids) => {
      const results = await store.treatmentOptions(ids, filter);
      for (const options of results) primeConcepts(options.flatMap((o) => [o.treatment, o.target]));
      return results;
    }, paced),
    evidenceByRelation: new DataLoader<string, EvidenceRecord[]>((ids) => store.evidenceByRelationIds(ids, filter), paced),
    evidenceBySource: new DataLoader<string, EvidenceRecord[]>((ids) => store.evidenceBySourceIds(ids, filter), paced),
  });
  const unfiltered = scoped(null);
  const filtered = new Map<string, EvidenceScopedLoaders>();
  const loaders: RequestLoaders = {
    concept,
    relation: new DataLoader<string, RelationRecord | null>((ids) => store.relationsByIds(ids), paced),
    source: new DataLoader<string, SourceRecord | null>((ids) => store.sourcesByIds(ids), paced),
    links: new DataLoader<LinkRequest, Link[], string>(
      async (requests) => {
        const results = await store.links(requests);
        for (const links of results) primeConcepts(links.map((l) => l.concept));
        return results;
      },
      { ...paced, cacheKeyFn: (r) => JSON.stringify([r.conceptId, r.direction, r.types, r.kinds, r.context, evidenceFilterKey(r.evidence)]) },
    ),
    relationPage: new DataLoader<RelationPageRequest, RelationPage, string>(
      async (requests) => {
        const pages = await store.relationPages(requests);
        for (const page of pages) primeConcepts(page.items.map((l) => l.concept));
        return pages;
      },
      { ...paced, cacheKeyFn: (r) => JSON.stringify([r.conceptId, r.direction, r.types, r.limit, r.after, evidenceFilterKey(r.evidence)]) },
    ),
    reach: new DataLoader<ReachRequest, ReachedConcept[], string>(
      async (requests) => {
        const results = await store.reach(requests);
        for (const reached of results) primeConcepts(reached.map((r) => r.concept));
        return results;
      },
      { ...paced, cacheKeyFn: (r) => JSON.stringify([r.conceptId, r.direction, r.types, r.kinds, r.maxDepth, evidenceFilterKey(r.evidence)]) },
    ),
    ...unfiltered,
    conceptsBySource: new DataLoader<string, ConceptRecord[]>(async (ids) => {
      const results = await store.conceptsBySourceIds(ids);
      for (const concepts of results) primeConcepts(concepts);
      return results;
    }, paced),
    // Plans are not kept: each root field's plan is read once, and planned records may be partial.
    plans: new DataLoader<ReadPlan, PlanAnswer<PlannedValueOf<ReadPlan>>>((plans) => store.readPlans(plans), { ...paced, cache: false }),
    byEvidence(filter) {
      if (filter === null) return unfiltered;
      const key = evidenceFilterKey(filter);
      const found = filtered.get(key) ?? scoped(filter);
      filtered.set(key, found);
      return found;
    },
    clearAll() {
      filtered.clear();
      for (const loader of Object.values(loaders)) if (loader instanceof DataLoader) loader.clearAll();
    },
  };
  return loaders;
}

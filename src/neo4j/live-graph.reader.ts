import type { Concept, Evidence, KnowledgeGraph, Relation, Source } from "../domain/knowledge-graph.model.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { Tour } from "../domain/tour.model.js";
import { toursQuery } from "./cypher/tours.query.js";
import {
  exportConceptPageQuery,
  exportEvidenceOfQuery,
  exportRelationsFromQuery,
  exportSourcePageQuery,
} from "./cypher/seed-export.query.js";
import type { Neo4jExecutor, Row } from "./neo4j-executor.js";
import { toConceptRecord, toEvidenceRecord, toRelationRecord, toSourceRecord } from "./neo4j-row.mapper.js";
import { toTourRecord } from "./tour-row.mapper.js";

export interface LiveGraphReadOptions {
  /** Concepts (and sources) per statement; each page also fetches those concepts' relations and evidence. */
  readonly pageSize?: number;
}

/** Dataset of a concept, relation or tour written without one (by a client that does not set it). */
export const FALLBACK_DATASET = "curated";

const DEFAULT_PAGE = 1000;

/**
 * Reads the live graph (everything `npm run seed` would write, minus what curation retracted) into
 * the domain model, page by page, so memory on the server stays bounded at any graph size. Sources,
 * concepts and relations come back ordered by id, evidence by its position in the relation, xrefs
 * and mentions by position, tours by their seed position. The pages are separate read transactions:
 * a write landing mid-read can show up half, which the seed validator then reports.
 */
export async function readLiveGraph(executor: Neo4jExecutor, options: LiveGraphReadOptions = {}): Promise<KnowledgeGraph> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive whole number, got ${pageSize}`);
  const sources = await readSources(executor, pageSize);
  const concepts: Concept[] = [];
  const relations: Relation[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await executor.read(exportConceptPageQuery(after, pageSize));
    const page: Concept[] = rows.map((row) => withDataset(toConceptRecord(row["concept"]), row["concept"]));
    concepts.push(...page);
    relations.push(...(await relationsFrom(executor, page.map((c) => c.id))));
    if (page.length < pageSize) break;
    after = page.at(-1)!.id;
  }
  const tours = (await executor.read(toursQuery(null))).map((row) => withDataset(toTourRecord(row["tour"]), row["tour"]));
  return {
    sources,
    concepts,
    relations: relations.sort(byId),
    tours: tours.sort((a: Tour, b: Tour) => a.position - b.position || compareCodeUnits(a.id, b.id)),
  };
}

async function relationsFrom(executor: Neo4jExecutor, conceptIds: readonly string[]): Promise<Relation[]> {
  if (conceptIds.length === 0) return [];
  const rows = await executor.read(exportRelationsFromQuery(conceptIds));
  const records = rows.map((row) => ({ record: toRelationRecord(row["relation"]), raw: row["relation"] }));
  const evidence = new Map<string, { position: number; evidence: Evidence }[]>();
  // Evidence in slices of relations, so a page of hub concepts still reads in bounded statements.
  for (let i = 0; i < records.length; i += DEFAULT_PAGE) {
    const ids = records.slice(i, i + DEFAULT_PAGE).map((r) => r.record.id);
    for (const row of await executor.read(exportEvidenceOfQuery(ids))) {
      const raw = row["evidence"] as Row;
      const e = toEvidenceRecord(raw);
      const list = evidence.get(e.relationId) ?? [];
      list.push({ position: Number(raw["position"] ?? 0), evidence: e });
      evidence.set(e.relationId, list);
    }
  }
  return records.map(({ record, raw }): Relation => {
    const own = (evidence.get(record.id) ?? []).sort((a, b) => a.position - b.position || compareCodeUnits(a.evidence.id, b.evidence.id));
    const { evidenceCount: _count, ...rest } = withDataset(record, raw);
    return { ...rest, evidence: own.map((x) => x.evidence) };
  });
}

async function readSources(executor: Neo4jExecutor, pageSize: number): Promise<Source[]> {
  const out: Source[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Source[] = (await executor.read(exportSourcePageQuery(after, pageSize))).map((row) => toSourceRecord(row["source"]));
    out.push(...page);
    if (page.length < pageSize) return out;
    after = page.at(-1)!.id;
  }
}

/** The mappers turn a missing dataset into the string "null"; an entry without one goes to FALLBACK_DATASET. */
function withDataset<T extends { dataset: string }>(record: T, raw: unknown): T {
  const dataset = (raw as Row | null)?.["dataset"];
  return dataset === null || dataset === undefined || dataset === "" ? { ...record, dataset: FALLBACK_DATASET } : record;
}

const byId = <T extends { id: string }>(a: T, b: T): number => compareCodeUnits(a.id, b.id);

import { compareCodeUnits, comparePaths } from "../domain/path-ranking.js";
import type { ExplainPlan, NeighborhoodPlan, PathsPlan, ReadPlan, SearchAllPlan, ToursPlan } from "../plan/read-plan.js";
import type {
  PlanAnswer,
  PlannedConcept,
  PlannedExplanation,
  PlannedLink,
  PlannedNeighborhood,
  PlannedPath,
  PlannedPaths,
  PlannedRelation,
  PlannedSearchAll,
  PlannedTours,
  PlannedValueOf,
} from "../plan/plan-result.js";
import type { PlanReader } from "../store/plan-reader.js";
import { compareConceptsByName, compareTours } from "../store/record-order.js";
import { MAX_PLANS_PER_STATEMENT, compileReadPlans } from "./cypher/read-plan.compiler.js";
import type { Neo4jExecutor, Row } from "./neo4j-executor.js";
import { toConceptRecord, toRelationRecord, toSourceRecord } from "./neo4j-row.mapper.js";
import { PlannedRows } from "./planned-row.mapper.js";
import { toTourRecord } from "./tour-row.mapper.js";

/** Ordered by their `at` position. */
const byAt = (a: Row, b: Row): number => Number(a["at"]) - Number(b["at"]);

/**
 * Answers read plans on Neo4j: the plans of a call share one compiled statement
 * (cypher/read-plan.compiler.ts) with one row, each mapped to planned records and re-sorted by the
 * shared orders, so the order never depends on the query plan.
 */
export class Neo4jPlanReader implements PlanReader {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** See PlanReader.readPlans: one statement for every MAX_PLANS_PER_STATEMENT plans, those statements at once. */
  async readPlans(plans: readonly ReadPlan[]): Promise<PlanAnswer<PlannedValueOf<ReadPlan>>[]> {
    const chunks: ReadPlan[][] = [];
    for (let i = 0; i < plans.length; i += MAX_PLANS_PER_STATEMENT) chunks.push(plans.slice(i, i + MAX_PLANS_PER_STATEMENT));
    const answers = await Promise.all(
      chunks.map(async (chunk) => {
        const [row] = await this.executor.readUnconverted(compileReadPlans(chunk));
        if (row === undefined) throw new Error("a read plans statement returned no row");
        return chunk.map((plan, i) => answerOf(plan, row[`a${i}`] as Row));
      }),
    );
    return answers.flat();
  }
}

/** The answer to one plan from its map in the statement's row, with the sources its evidence carried and the filter sources found. */
function answerOf(plan: ReadPlan, row: Row): PlanAnswer<PlannedValueOf<ReadPlan>> {
  const rows = new PlannedRows();
  const value = valueOf(plan, row, rows);
  return { value, sources: rows.sourceRecords(), knownSources: new Set(((row["knownSources"] ?? []) as unknown[]).map(String)) };
}

function valueOf(plan: ReadPlan, row: Row, rows: PlannedRows): PlannedValueOf<ReadPlan> {
  switch (plan.root) {
    case "concept":
      return row["concept"] === null ? null : rows.concept(row["concept"], plan.select);
    case "relation":
      return row["relation"] === null ? null : rows.relation(row["relation"], plan.select);
    case "paths":
      return pathsOf(plan, row, rows);
    case "neighborhood":
      return row["center"] === null ? null : neighborhoodOf(plan, row, rows);
    case "explain":
      return explanationOf(plan, row, rows);
    case "searchAll":
      return searchAllOf(plan, row, rows);
    case "tours":
      return toursOf(plan, row, rows);
  }
}

function pathsOf(plan: PathsPlan, row: Row, rows: PlannedRows): PlannedPaths {
  const paths = ((row["paths"] ?? []) as Row[]).map((p) => ({
    nodes: [...(p["nodes"] as Row[])].sort(byAt).map((n) => rows.concept(n["c"], plan.nodes)),
    relations: [...(p["relations"] as Row[])].sort(byAt).map((r) => rows.relation(r["r"], plan.relations)),
  }));
  return { fromFound: row["fromFound"] === true, toFound: row["toFound"] === true, paths: ranked(paths) };
}

function neighborhoodOf(plan: NeighborhoodPlan, row: Row, rows: PlannedRows): PlannedNeighborhood {
  return {
    center: rows.concept(row["center"], plan.center),
    nodes: (row["nodes"] as Row[]).map((n) => ({ concept: rows.concept(n["concept"], plan.nodes), depth: Number(n["depth"]) })),
    relations: (row["relations"] as unknown[]).map(toRelationRecord).sort((a, b) => compareCodeUnits(a.id, b.id)),
  };
}

function explanationOf(plan: ExplainPlan, row: Row, rows: PlannedRows): PlannedExplanation {
  if (row["target"] === null) return { target: null, paths: [], interventions: new Map(), feeders: new Map() };
  const concepts = byId(row["concepts"], (raw) => rows.concept(raw, plan.concepts));
  const relations = byId(row["relations"], (raw) => rows.relation(raw, plan.relations));
  const concept = (id: unknown): PlannedConcept => found(concepts, id);
  const relation = (id: unknown): PlannedRelation => found(relations, id);
  const links = (list: unknown): PlannedLink[] => ((list ?? []) as Row[]).map((l) => ({ concept: concept(l["concept"]), relation: relation(l["relation"]) })).sort(compareLinks);
  const interventions = new Map<string, PlannedLink[]>();
  const feeders = new Map<string, PlannedLink[]>();
  for (const site of row["sites"] as Row[]) {
    interventions.set(String(site["id"]), links(site["acting"]));
    if (site["feeding"] !== null) feeders.set(String(site["id"]), links(site["feeding"]));
  }
  const paths = (row["paths"] as Row[]).map((p) => ({ nodes: (p["nodes"] as unknown[]).map(concept), relations: (p["relations"] as unknown[]).map(relation) }));
  return { target: concept(row["target"]), paths: ranked(paths), interventions, feeders };
}

function searchAllOf(plan: SearchAllPlan, row: Row, rows: PlannedRows): PlannedSearchAll {
  return {
    concepts: ((row["concepts"] ?? []) as unknown[]).map(toConceptRecord),
    sources: ((row["sources"] ?? []) as unknown[]).map(toSourceRecord),
    evidence: ((row["evidence"] ?? []) as Row[]).map((c) => ({
      evidence: rows.evidence(c["evidence"], plan.claims),
      citedSourceTitle: c["citedSourceTitle"] === null || c["citedSourceTitle"] === undefined ? null : String(c["citedSourceTitle"]),
    })),
  };
}

function toursOf(plan: ToursPlan, row: Row, rows: PlannedRows): PlannedTours {
  const { concepts, relations } = plan;
  return {
    tours: ((row["tours"] ?? []) as unknown[]).map(toTourRecord).sort(compareTours),
    concepts: concepts === null ? new Map() : byId(row["concepts"], (raw) => rows.concept(raw, concepts)),
    relations: relations === null ? new Map() : byId(row["relations"], (raw) => rows.relation(raw, relations)),
  };
}

/** Paths in the shared ranking. */
function ranked(paths: readonly PlannedPath[]): PlannedPath[] {
  return paths
    .map((p) => ({ p, record: { relations: p.relations.map((r) => r.record) } }))
    .sort((a, b) => comparePaths(a.record, b.record))
    .map((x) => x.p);
}

/** Planned records of a projected list by id. */
function byId<T extends { readonly record: { readonly id: string } }>(list: unknown, map: (raw: unknown) => T): Map<string, T> {
  return new Map(((list ?? []) as unknown[]).map((raw) => map(raw)).map((x) => [x.record.id, x]));
}

function found<T>(byKey: ReadonlyMap<string, T>, id: unknown): T {
  const value = byKey.get(String(id));
  if (value === undefined) throw new Error(`planned record ${String(id)} missing from its statement's projection`);
  return value;
}

/** Links by neighbour (name sort key, id), then relation id, as KnowledgeStore.links orders them. */
function compareLinks(a: PlannedLink, b: PlannedLink): number {
  return compareConceptsByName(a.concept.record, b.concept.record) || compareCodeUnits(a.relation.record.id, b.relation.record.id);
}

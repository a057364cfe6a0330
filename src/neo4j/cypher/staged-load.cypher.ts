import { CONCEPT_KIND_INFO, CONCEPT_KINDS } from "../../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation } from "../../domain/knowledge-graph.model.js";
import { isRelationType } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";
import { KIND_LABELS } from "./graph-schema.cypher.js";
import { CURATION_LABELS } from "./curation-history.query.js";
import { conceptRow, evidenceRows, mentionRow, relationRow, sourceRow, xrefRow } from "./seed-rows.js";
import { TOUR_LABELS } from "./tour-load.cypher.js";

/**
 * The labels a batched load writes under before the swap. No read query starts from these labels,
 * so a half-written load is invisible to the API; each maps to the label it becomes at the swap.
 */
export const STAGED_LABELS = {
  KgStagedSource: "Source",
  KgStagedSection: "Section",
  KgStagedXref: "Xref",
  KgStagedEvidence: "Evidence",
  KgStagedConcept: "Concept",
} as const;

/** A label of the staging area. */
export type StagedLabel = keyof typeof STAGED_LABELS;

/**
 * Labels of a replaced graph between the swap and its removal: no read query starts from them. Hubs
 * (sources, sections, cross-reference targets) go last, once the claims and concepts holding most of
 * their relationships are gone, so no single transaction detaches a hub's million relationships.
 */
export const RETIRED_LABEL = "KgRetired";
export const RETIRED_HUB_LABEL = "KgRetiredHub";

/** Where a staged relation keeps its id: `id` into an empty database, `stagedId` beside a live graph whose relations hold the same ids. */
export type RelationIdKey = "id" | "stagedId";

/** One write of a batched load: what it writes (for progress and errors) and the statement. */
export interface LoadStep {
  readonly what: string;
  readonly query: CypherQuery;
}

/** Cuts a list into slices of at most `size` items. */
function* slices<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * The staging writes of a validated graph, in order, in batches of `batchSize` rows; each step is meant
 * for its own transaction. Everything is written under STAGED_LABELS with plain CREATE (the staging
 * area is empty when the plan starts), and relationships only join staged nodes. Built lazily, so a
 * million-concept graph never holds all its parameter rows at once.
 */
export function* stagedLoadPlan(graph: KnowledgeGraph, batchSize: number, relationIdKey: RelationIdKey = "stagedId"): Generator<LoadStep> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a whole number of at least 1");
  yield { what: "sources", query: stageSources(graph) };
  for (const batch of slices(xrefTargets(graph.concepts), batchSize)) yield { what: `${batch.length} cross-reference targets`, query: stageXrefTargets(batch) };
  // A concept's cross-references and mentions go in with it: one index seek fewer per concept than linking them afterwards.
  for (const batch of slices(graph.concepts, batchSize)) yield { what: `${batch.length} concepts`, query: stageConcepts(batch) };
  for (const batch of slices(graph.relations, batchSize)) yield { what: `${batch.length} relations`, query: stageRelations(batch, relationIdKey) };
  // Evidence rows are a little larger than relation rows, and a relation has one or two: halve the batch.
  for (const batch of slices(graph.relations, Math.max(1, Math.floor(batchSize / 2)))) {
    yield { what: `evidence of ${batch.length} relations`, query: stageEvidence(batch) };
  }
}

function stageSources(graph: KnowledgeGraph): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (s:KgStagedSource)
      SET s = row.props
      WITH s, row
      UNWIND row.sections AS sec
      CREATE (section:KgStagedSection)
      SET section = sec
      CREATE (s)-[:HAS_SECTION]->(section)`,
    params: { rows: graph.sources.map(sourceRow) },
  };
}

function xrefTargets(concepts: readonly Concept[]): { curie: string; prefix: string; localId: string }[] {
  const targets = new Map<string, { curie: string; prefix: string; localId: string }>();
  for (const c of concepts) for (const x of c.xrefs) targets.set(x.curie, { curie: x.curie, prefix: x.prefix, localId: x.localId });
  return [...targets.values()];
}

function stageXrefTargets(rows: readonly { curie: string; prefix: string; localId: string }[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (x:KgStagedXref)
      SET x = row`,
    params: { rows },
  };
}

function stageConcepts(concepts: readonly Concept[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (c:KgStagedConcept)
      SET c = row.props
      WITH c, row
      CALL (c, row) {
        UNWIND row.xrefs AS xref
        MATCH (x:KgStagedXref {curie: xref.curie})
        CREATE (c)-[h:HAS_XREF]->(x)
        SET h.match = xref.match, h.position = xref.position
      }
      CALL (c, row) {
        UNWIND row.mentions AS mention
        MATCH (s:KgStagedSource {id: mention.sourceId})
        CREATE (c)-[m:MENTIONED_IN]->(s)
        SET m = mention
      }`,
    params: { rows: concepts.map((c) => ({ props: conceptRow(c), xrefs: xrefRow(c).xrefs, mentions: mentionRow(c).mentions })) },
  };
}

// Relation ids are unique per relationship type across the whole database, staged or not: beside a live
// graph a staged relation keeps its id as stagedId until the swap has retired the relations it replaces.
function stageRelations(relations: readonly Relation[], relationIdKey: RelationIdKey): CypherQuery {
  return {
    // The type is dynamic ($(row.type)), so one statement writes every type; rows only carry types of the closed vocabulary (checked below).
    cypher: `
      UNWIND $rows AS row
      MATCH (a:KgStagedConcept {id: row.from})
      MATCH (b:KgStagedConcept {id: row.to})
      CREATE (a)-[r:$(row.type)]->(b)
      SET r = row.props`,
    params: {
      rows: relations.map((r) => {
        if (!isRelationType(r.type)) throw new Error(`unknown relation type ${r.type} in relation ${r.id}`);
        const { from, to, props } = relationRow(r);
        if (relationIdKey === "id") return { from, to, type: r.type, props };
        const { id, ...rest } = props;
        return { from, to, type: r.type, props: { ...rest, stagedId: id } };
      }),
    },
  };
}

function stageEvidence(relations: readonly Relation[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (e:KgStagedEvidence)
      SET e = row.props
      WITH e, row
      MATCH (s:KgStagedSource {id: row.props.sourceId})
      CREATE (e)-[:IN_SOURCE]->(s)
      WITH e, row
      OPTIONAL MATCH (cited:KgStagedSource {id: row.props.citedSourceId})
      FOREACH (_ IN CASE WHEN cited IS NULL THEN [] ELSE [1] END | CREATE (e)-[:ATTRIBUTED_TO]->(cited))`,
    params: { rows: relations.flatMap(evidenceRows) },
  };
}

/*
 * The swap. Each statement below commits in batches of `batch` rows (CALL { } IN TRANSACTIONS), so its
 * transactions stay small at any graph size; it must run in an auto-commit transaction. One transaction
 * for the whole swap held every node's label change and index update in Neo4j's heap: at 100k concepts
 * it passed the 2.8 GB transaction limit of a 4 GB heap.
 */

/** The live labels a retired node loses: every label of the seed's concept graph. */
const LIVE_GRAPH_LABELS = ["Concept", ...KIND_LABELS, "Evidence", "Source", "Section", "Xref"];

/**
 * Statements that take the live concept graph out of every read: relation ids are dropped (so staged
 * relations can take them) and nodes trade their labels for RETIRED_LABEL / RETIRED_HUB_LABEL. The
 * seed's other nodes (tours, the curation history, which describes the graph being replaced) are deleted,
 * except the graph-state node: its stamp must not move before the swap ends (a read replica would copy
 * the graph half swapped), and the load's last statement resets it.
 */
export function retireLiveGraphQueries(batch: number): CypherQuery[] {
  const others = [...TOUR_LABELS, ...CURATION_LABELS.filter((label) => label !== "GraphState")];
  return [
    {
      cypher: `MATCH (:Concept)-[r]->(:Concept) WHERE r.id IS NOT NULL CALL (r) { REMOVE r.id } IN TRANSACTIONS OF toInteger($batch) ROWS`,
      params: { batch },
    },
    {
      cypher: `MATCH (n) WHERE n:Concept OR n:Evidence
        CALL (n) { SET n:${RETIRED_LABEL} REMOVE n:${LIVE_GRAPH_LABELS.join(":")} } IN TRANSACTIONS OF toInteger($batch) ROWS`,
      params: { batch },
    },
    {
      cypher: `MATCH (n) WHERE n:Source OR n:Section OR n:Xref
        CALL (n) { SET n:${RETIRED_HUB_LABEL} REMOVE n:${LIVE_GRAPH_LABELS.join(":")} } IN TRANSACTIONS OF toInteger($batch) ROWS`,
      params: { batch },
    },
    {
      cypher: `MATCH (n) WHERE ${others.map((l) => `n:${l}`).join(" OR ")} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF toInteger($batch) ROWS`,
      params: { batch },
    },
  ];
}

/** Moves staged relations' `stagedId` back to `id`, once the relations that held those ids are retired. */
export function restoreRelationIdsQuery(batch: number): CypherQuery {
  return {
    cypher: `MATCH (:KgStagedConcept)-[r]->(:KgStagedConcept) WHERE r.stagedId IS NOT NULL
      CALL (r) { SET r.id = r.stagedId REMOVE r.stagedId } IN TRANSACTIONS OF toInteger($batch) ROWS`,
    params: { batch },
  };
}

/** Gives every staged node its live labels (a concept also its kind's label) in place of its staging label. */
export function promoteStagedQuery(batch: number): CypherQuery {
  const staged = Object.keys(STAGED_LABELS);
  return {
    // The labels come from parameters built of the closed label and kind vocabularies, never from input.
    cypher: `MATCH (n) WHERE ${staged.map((l) => `n:${l}`).join(" OR ")}
      WITH n, [l IN labels(n) WHERE l IN $staged][0] AS stagedLabel
      CALL (n, stagedLabel) {
        SET n:$([$live[stagedLabel]] + CASE WHEN stagedLabel = 'KgStagedConcept' THEN [$kindLabels[n.kind]] ELSE [] END)
        REMOVE n:$(stagedLabel)
      } IN TRANSACTIONS OF toInteger($batch) ROWS`,
    params: {
      batch,
      staged,
      live: STAGED_LABELS,
      kindLabels: Object.fromEntries(CONCEPT_KINDS.map((k) => [k, CONCEPT_KIND_INFO[k].label])),
    },
  };
}

/** Deletes nodes carrying any of `labels`, with their relationships, in batches; returns the count in `n`. */
function removeInBatchesQuery(labels: readonly string[], batch: number): CypherQuery {
  return {
    cypher: `MATCH (n) WHERE ${labels.map((l) => `n:${l}`).join(" OR ")}
      CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF toInteger($batch) ROWS
      RETURN count(*) AS n`,
    params: { batch },
  };
}

/**
 * Statements removing what a replaced graph left (retired nodes), claims and concepts before the hubs
 * they point at. Each reports how many nodes it removed in `n`.
 */
export function removeRetiredQueries(batch: number): CypherQuery[] {
  return [removeInBatchesQuery([RETIRED_LABEL], batch), removeInBatchesQuery([RETIRED_HUB_LABEL], batch)];
}

/** Statements removing every staged node (an interrupted or failed load), hubs last; each reports its count in `n`. */
export function removeStagedQueries(batch: number): CypherQuery[] {
  return [removeInBatchesQuery(["KgStagedEvidence", "KgStagedConcept"], batch), removeInBatchesQuery(["KgStagedXref", "KgStagedSection", "KgStagedSource"], batch)];
}

/** Counts the staged nodes left (by an interrupted load, or while one runs). */
export function stagedNodeCountQuery(): CypherQuery {
  return {
    cypher: `MATCH (n:${Object.keys(STAGED_LABELS).join("|")}) RETURN count(n) AS n`,
    params: {},
  };
}

/** Counts the nodes of replaced graphs not yet removed. */
export function retiredNodeCountQuery(): CypherQuery {
  return { cypher: `MATCH (n:${RETIRED_LABEL}|${RETIRED_HUB_LABEL}) RETURN count(n) AS n`, params: {} };
}

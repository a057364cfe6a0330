import { CONCEPT_KIND_INFO, CONCEPT_KINDS } from "../../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation } from "../../domain/knowledge-graph.model.js";
import { RELATION_TYPES, isRelationType } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptRow, evidenceRows, mentionRow, relationRow, sourceRow, xrefRow } from "./seed-rows.js";

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

/** Staged labels in the order their nodes are removed: dense hubs (sources, xrefs) last, after their relationships went with the rest. */
export const STAGED_CLEANUP_ORDER: readonly StagedLabel[] = ["KgStagedEvidence", "KgStagedConcept", "KgStagedXref", "KgStagedSection", "KgStagedSource"];

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
export function* stagedLoadPlan(graph: KnowledgeGraph, batchSize: number): Generator<LoadStep> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a whole number of at least 1");
  yield { what: "sources", query: stageSources(graph) };
  for (const batch of slices(graph.concepts, batchSize)) yield { what: `${batch.length} concepts`, query: stageConcepts(batch) };
  yield { what: "cross-reference targets", query: stageXrefTargets(graph.concepts) };
  for (const batch of slices(graph.concepts, batchSize)) {
    yield { what: `cross-references of ${batch.length} concepts`, query: stageXrefLinks(batch) };
    yield { what: `mentions of ${batch.length} concepts`, query: stageMentions(batch) };
  }
  for (const type of RELATION_TYPES) {
    const ofType = graph.relations.filter((r) => r.type === type);
    for (const batch of slices(ofType, batchSize)) yield { what: `${batch.length} ${type} relations`, query: stageRelations(batch, type) };
  }
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

function stageConcepts(concepts: readonly Concept[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (c:KgStagedConcept)
      SET c = row`,
    params: { rows: concepts.map(conceptRow) },
  };
}

function stageXrefTargets(concepts: readonly Concept[]): CypherQuery {
  const targets = new Map<string, { curie: string; prefix: string; localId: string }>();
  for (const c of concepts) for (const x of c.xrefs) targets.set(x.curie, { curie: x.curie, prefix: x.prefix, localId: x.localId });
  return {
    cypher: `
      UNWIND $rows AS row
      CREATE (x:KgStagedXref)
      SET x = row`,
    params: { rows: [...targets.values()] },
  };
}

function stageXrefLinks(concepts: readonly Concept[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (c:KgStagedConcept {id: row.id})
      UNWIND row.xrefs AS xref
      MATCH (x:KgStagedXref {curie: xref.curie})
      CREATE (c)-[h:HAS_XREF]->(x)
      SET h.match = xref.match, h.position = xref.position`,
    params: { rows: concepts.filter((c) => c.xrefs.length > 0).map(xrefRow) },
  };
}

function stageMentions(concepts: readonly Concept[]): CypherQuery {
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (c:KgStagedConcept {id: row.id})
      UNWIND row.mentions AS mention
      MATCH (s:KgStagedSource {id: mention.sourceId})
      CREATE (c)-[m:MENTIONED_IN]->(s)
      SET m = mention`,
    params: { rows: concepts.map(mentionRow) },
  };
}

// Relation ids are unique per relationship type across the whole database (staged or not), so a staged
// relation keeps its id as stagedId until the swap, when the graph it replaces is gone.
function stageRelations(relations: readonly Relation[], type: string): CypherQuery {
  if (!isRelationType(type)) throw new Error(`unknown relation type ${type}`);
  // The type comes from the closed relation vocabulary (checked above), never from input.
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (a:KgStagedConcept {id: row.from})
      MATCH (b:KgStagedConcept {id: row.to})
      CREATE (a)-[r:${type}]->(b)
      SET r = row.props`,
    params: {
      rows: relations.map((r) => {
        const { from, to, props } = relationRow(r);
        const { id, ...rest } = props;
        return { from, to, props: { ...rest, stagedId: id } };
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

/**
 * The statements that turn the staged nodes into the live graph, meant for ONE write transaction, so
 * readers see the old graph or the new one, never a mix: each staged label is swapped for its live
 * labels (concepts also get their kind label).
 */
export function promoteStagedQueries(): CypherQuery[] {
  const concepts = CONCEPT_KINDS.map((kind) => ({
    // Kind labels come from the closed kind vocabulary, never from input.
    cypher: `MATCH (n:KgStagedConcept) WHERE n.kind = $kind SET n:Concept:${CONCEPT_KIND_INFO[kind].label} REMOVE n:KgStagedConcept`,
    params: { kind },
  }));
  const others = Object.entries(STAGED_LABELS)
    .filter(([staged]) => staged !== "KgStagedConcept")
    .map(([staged, live]) => ({ cypher: `MATCH (n:${staged}) SET n:${live} REMOVE n:${staged}`, params: {} }));
  // Relation ids move back into place while the ends still carry the staging label that finds them.
  const relationIds = RELATION_TYPES.map((type) => ({
    cypher: `MATCH (:KgStagedConcept)-[r:${type}]->(:KgStagedConcept) SET r.id = r.stagedId REMOVE r.stagedId`,
    params: {},
  }));
  return [...relationIds, ...others, ...concepts];
}

/**
 * Removes up to `limit` nodes of one staged label with their relationships; returns the count in `n`.
 * Run it until it returns 0, label by label in STAGED_CLEANUP_ORDER, so no single transaction
 * detaches a hub's million relationships.
 */
export function removeStagedBatchQuery(label: StagedLabel, limit: number): CypherQuery {
  if (!(label in STAGED_LABELS)) throw new Error(`not a staging label: ${label}`);
  // The label comes from STAGED_LABELS (checked above), never from input.
  return {
    cypher: `MATCH (n:${label}) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS n`,
    params: { limit },
  };
}

/** Counts the staged nodes left (by an interrupted load, or while one runs). */
export function stagedNodeCountQuery(): CypherQuery {
  return {
    cypher: `MATCH (n:${Object.keys(STAGED_LABELS).join("|")}) RETURN count(n) AS n`,
    params: {},
  };
}

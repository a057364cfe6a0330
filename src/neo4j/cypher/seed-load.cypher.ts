import { CONCEPT_KIND_INFO, CONCEPT_KINDS } from "../../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation } from "../../domain/knowledge-graph.model.js";
import { RELATION_TYPES, isRelationType } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";
import { KIND_LABELS } from "./graph-schema.cypher.js";
import { conceptRow, evidenceRows, mentionRow, relationRow, sourceRow, xrefRow } from "./seed-rows.js";
import { CURATION_LABELS } from "./curation-history.query.js";
import { TOUR_LABELS, syncToursQuery } from "./tour-load.cypher.js";

/**
 * Labels the seed owns; --reset removes nodes carrying any of them. The curation history goes too: it
 * describes changes to a graph that a reset replaces, and its versions would no longer follow.
 */
export const OWNED_LABELS = ["Concept", "Source", "Section", "Evidence", "Xref", ...TOUR_LABELS, ...CURATION_LABELS] as const;

/** Removes every node the seed owns, with its relationships. */
export function resetGraphQuery(): CypherQuery {
  return {
    cypher: `MATCH (n) WHERE ${OWNED_LABELS.map((l) => `n:${l}`).join(" OR ")} DETACH DELETE n`,
    params: {},
  };
}

/**
 * The statements that write a validated graph, meant to run in order in one write transaction.
 * Every statement MERGEs on stable ids, so a second run with the same graph creates and deletes nothing.
 */
export function seedLoadQueries(graph: KnowledgeGraph): CypherQuery[] {
  return [
    upsertSources(graph),
    ...CONCEPT_KINDS.map((kind) => upsertConceptsOfKind(graph.concepts.filter((c) => c.kind === kind), CONCEPT_KIND_INFO[kind].label)),
    syncCrossReferences(graph.concepts),
    syncMentions(graph.concepts),
    deleteRelationsWithChangedEnds(graph.relations),
    ...RELATION_TYPES.map((type) => upsertRelationsOfType(graph.relations.filter((r) => r.type === type), type)),
    syncEvidence(graph.relations),
    { cypher: "MATCH (x:Xref) WHERE NOT (x)<-[:HAS_XREF]-() DELETE x", params: {} },
    syncToursQuery(graph.tours),
  ];
}

function upsertSources(graph: KnowledgeGraph): CypherQuery {
  const rows = graph.sources.map(sourceRow);
  return {
    cypher: `
      UNWIND $rows AS row
      MERGE (s:Source {id: row.props.id})
      SET s = row.props
      WITH s, row
      CALL (s, row) {
        OPTIONAL MATCH (s)-[old:HAS_SECTION]->(stale:Section)
        WHERE NOT stale.key IN [x IN row.sections | x.key]
        DETACH DELETE stale
      }
      CALL (s, row) {
        UNWIND row.sections AS sec
        MERGE (section:Section {key: sec.key})
        SET section = sec
        MERGE (s)-[:HAS_SECTION]->(section)
      }`,
    params: { rows },
  };
}

function upsertConceptsOfKind(concepts: readonly Concept[], label: string): CypherQuery {
  const otherLabels = KIND_LABELS.filter((l) => l !== label);
  const rows = concepts.map(conceptRow);
  // Labels come from the closed kind vocabulary, never from input, so writing them into the text is safe.
  return {
    cypher: `
      UNWIND $rows AS row
      MERGE (c:Concept {id: row.id})
      SET c = row, c:${label}
      REMOVE c:${otherLabels.join(":")}`,
    params: { rows },
  };
}

function syncCrossReferences(concepts: readonly Concept[]): CypherQuery {
  const rows = concepts.map(xrefRow);
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (c:Concept {id: row.id})
      CALL (c, row) {
        OPTIONAL MATCH (c)-[h:HAS_XREF]->(x:Xref)
        WHERE NOT x.curie IN [y IN row.xrefs | y.curie]
        DELETE h
      }
      CALL (c, row) {
        UNWIND row.xrefs AS xref
        MERGE (x:Xref {curie: xref.curie})
        SET x.prefix = xref.prefix, x.localId = xref.localId
        MERGE (c)-[h:HAS_XREF]->(x)
        SET h.match = xref.match, h.position = xref.position
      }`,
    params: { rows },
  };
}

function syncMentions(concepts: readonly Concept[]): CypherQuery {
  const rows = concepts.map(mentionRow);
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (c:Concept {id: row.id})
      CALL (c, row) {
        OPTIONAL MATCH (c)-[m:MENTIONED_IN]->(:Source)
        WHERE NOT m.key IN [x IN row.mentions | x.key]
        DELETE m
      }
      CALL (c, row) {
        UNWIND row.mentions AS mention
        MATCH (s:Source {id: mention.sourceId})
        MERGE (c)-[m:MENTIONED_IN {key: mention.key}]->(s)
        SET m = mention
      }`,
    params: { rows },
  };
}

function deleteRelationsWithChangedEnds(relations: readonly Relation[]): CypherQuery {
  const expected = Object.fromEntries(relations.map((r) => [r.id, `${r.type}|${r.from}|${r.to}`]));
  return {
    cypher: `
      MATCH (a:Concept)-[r]->(b:Concept)
      WHERE r.id IS NOT NULL AND $expected[r.id] IS NOT NULL
        AND $expected[r.id] <> type(r) + '|' + a.id + '|' + b.id
      DELETE r`,
    params: { expected },
  };
}

function upsertRelationsOfType(relations: readonly Relation[], type: string): CypherQuery {
  if (!isRelationType(type)) throw new Error(`unknown relation type ${type}`);
  const rows = relations.map(relationRow);
  // The type comes from the closed relation vocabulary (checked above), never from input.
  return {
    cypher: `
      UNWIND $rows AS row
      MATCH (a:Concept {id: row.from}), (b:Concept {id: row.to})
      MERGE (a)-[r:${type} {id: row.props.id}]->(b)
      SET r = row.props`,
    params: { rows },
  };
}

function syncEvidence(relations: readonly Relation[]): CypherQuery {
  const rows = relations.flatMap(evidenceRows);
  return {
    cypher: `
      CALL () {
        MATCH (e:Evidence)
        WHERE e.relationId IN $relationIds AND NOT e.id IN $evidenceIds
        DETACH DELETE e
      }
      UNWIND $rows AS row
      MERGE (e:Evidence {id: row.props.id})
      SET e = row.props
      WITH e, row
      CALL (e, row) {
        OPTIONAL MATCH (e)-[old:IN_SOURCE]->(previous:Source)
        WHERE previous.id <> row.props.sourceId
        DELETE old
      }
      MATCH (s:Source {id: row.props.sourceId})
      MERGE (e)-[:IN_SOURCE]->(s)
      WITH e, row
      CALL (e, row) {
        OPTIONAL MATCH (e)-[a:ATTRIBUTED_TO]->(cited:Source)
        WHERE cited.id <> coalesce(row.props.citedSourceId, '')
        DELETE a
      }
      CALL (e, row) {
        OPTIONAL MATCH (cited:Source {id: row.props.citedSourceId})
        FOREACH (_ IN CASE WHEN cited IS NULL THEN [] ELSE [1] END | MERGE (e)-[:ATTRIBUTED_TO]->(cited))
      }`,
    params: {
      rows,
      relationIds: relations.map((r) => r.id),
      evidenceIds: rows.map((r) => r.props.id),
    },
  };
}

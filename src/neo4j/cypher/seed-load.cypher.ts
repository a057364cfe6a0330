import { CONCEPT_KIND_INFO, CONCEPT_KINDS } from "../../domain/concept-kind.js";
import type { Concept, KnowledgeGraph, Relation } from "../../domain/knowledge-graph.model.js";
import { QUALIFIER_KEYS } from "../../domain/qualifier.js";
import { RELATION_TYPES, isRelationType } from "../../domain/relation-type.js";
import { conceptSortKey } from "../../domain/concept-sort-key.js";
import { conceptSearchText, evidenceSearchText, sourceSearchText } from "../../domain/search-text.js";
import type { CypherQuery } from "./cypher-query.js";
import { KIND_LABELS } from "./graph-schema.cypher.js";
import { TOUR_LABELS, syncToursQuery } from "./tour-load.cypher.js";

/** Labels the seed owns; --reset removes nodes carrying any of them. */
const OWNED_LABELS = ["Concept", "Source", "Section", "Evidence", "Xref", ...TOUR_LABELS] as const;

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
  const rows = graph.sources.map((s) => ({
    props: {
      id: s.id,
      kind: s.kind,
      title: s.title,
      description: s.description,
      citedBy: s.citedBy,
      textFile: s.textFile,
      length: s.length,
      sha256: s.sha256,
      // The normalised words the in-process ranking reads (title, kind, description), for the source search index.
      searchText: sourceSearchText(s),
    },
    sections: s.sections.map((sec, position) => ({
      key: `${s.id}#${sec.id}`,
      id: sec.id,
      sourceId: s.id,
      heading: sec.heading,
      label: sec.label,
      start: sec.start,
      end: sec.end,
      position,
    })),
  }));
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
  const rows = concepts.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    nameSort: conceptSortKey(c.name),
    synonyms: [...c.synonyms],
    synonymsSort: c.synonyms.map(conceptSortKey),
    synonymsText: c.synonyms.join(" | "),
    summary: c.summary,
    searchText: conceptSearchText(c),
    biolinkCategory: CONCEPT_KIND_INFO[c.kind].biolinkCategory,
    modality: c.modality,
    urgency: c.urgency,
    dataset: c.dataset,
  }));
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
  const rows = concepts.map((c) => ({
    id: c.id,
    xrefs: c.xrefs.map((x, position) => ({ curie: x.curie, prefix: x.prefix, localId: x.localId, match: x.match, position })),
  }));
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
  const rows = concepts.map((c) => ({
    id: c.id,
    mentions: c.mentions.map((m, position) => ({
      sourceId: m.sourceId,
      sectionId: m.sectionId,
      start: m.start,
      end: m.end,
      position,
      key: `${m.sourceId}|${m.sectionId}|${m.start}|${m.end}`,
    })),
  }));
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
  const rows = relations.map((r) => ({
    from: r.from,
    to: r.to,
    props: {
      id: r.id,
      dataset: r.dataset,
      evidenceCount: r.evidence.length,
      ...Object.fromEntries(QUALIFIER_KEYS.map((k) => [k, r.qualifiers[k] ?? null])),
    },
  }));
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
  const rows = relations.flatMap((r) =>
    r.evidence.map((e, position) => ({
      props: {
        id: e.id,
        relationId: r.id,
        position,
        claim: e.claim,
        // The claim's normalised words, for the evidence search index (same words the in-process ranking sees).
        searchText: evidenceSearchText(e),
        reasoning: e.reasoning,
        knowledgeLevel: e.knowledgeLevel,
        agentType: e.agentType,
        sourceId: e.sourceId,
        citedSourceId: e.citedSourceId,
        sectionId: e.locator.sectionId,
        start: e.locator.start,
        end: e.locator.end,
      },
    })),
  );
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

import { CONCEPT_KIND_INFO } from "../../domain/concept-kind.js";
import type { Concept, Evidence, Relation } from "../../domain/knowledge-graph.model.js";
import { isRelationType } from "../../domain/relation-type.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptRow, evidenceProps, evidenceRows, mentionRow, relationRow, xrefRow } from "./seed-rows.js";

/**
 * The statements of curation writes, meant to run in one write transaction after graphStateLockQuery.
 * Nodes and relationships get exactly the properties the seed loader gives them (plus `version`), so
 * every read query sees a curated concept, relation or claim as it sees a seeded one. Versions absent
 * in the seeded graph count as 1 (coalesce), so the loader never needs to write them.
 */

/** Who retracts, when, why, and in which graph version: stored on everything a retraction hides. */
export interface RetractionStamp {
  readonly at: string;
  readonly principal: string;
  readonly reason: string;
  readonly graphVersion: number;
}

/** Constraints the history relies on: one graph-state node (so MERGE cannot make two), one change per version. */
export function curationConstraintQueries(): CypherQuery[] {
  return [
    { cypher: "CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (g:GraphState) REQUIRE g.id IS UNIQUE", params: {} },
    { cypher: "CREATE CONSTRAINT change_graph_version IF NOT EXISTS FOR (c:Change) REQUIRE c.graphVersion IS UNIQUE", params: {} },
  ];
}

/**
 * Takes the graph-wide write lock and moves the graph to its next version; answers `version`, the new
 * one. Every curation write starts with it, so writes are serialised and each one sees the graph the
 * previous one committed (the increment is made under the node's write lock, so none is lost).
 */
export function graphStateLockQuery(): CypherQuery {
  return {
    cypher: `
      MERGE (g:GraphState {id: 'graph'})
      SET g.version = coalesce(g.version, 0) + 1
      RETURN g.version AS version`,
    params: {},
  };
}

/** The current graph version (0 when nothing was ever curated). */
export function graphVersionQuery(): CypherQuery {
  return { cypher: "OPTIONAL MATCH (g:GraphState {id: 'graph'}) RETURN coalesce(g.version, 0) AS version", params: {} };
}

/** A concept's stored properties, exactly as the seed loader writes them, plus its version. */
function conceptProps(c: Concept, version: number) {
  return { ...conceptRow(c), version };
}

/** A concept's cross-references and mentions, as the seed loader writes them. */
function conceptLinks(c: Concept) {
  return { xrefs: xrefRow(c).xrefs, mentions: mentionRow(c).mentions };
}

/** Writes a concept's cross-references and mentions (bound to `c`), as the seed loader does. */
const WRITE_CONCEPT_LINKS = `
      CALL (c) {
        UNWIND $xrefs AS xref
        MERGE (x:Xref {curie: xref.curie})
        SET x.prefix = xref.prefix, x.localId = xref.localId
        MERGE (c)-[h:HAS_XREF]->(x)
        SET h.match = xref.match, h.position = xref.position
      }
      CALL (c) {
        UNWIND $mentions AS mention
        MATCH (s:Source {id: mention.sourceId})
        MERGE (c)-[m:MENTIONED_IN {key: mention.key}]->(s)
        SET m = mention
      }`;

/** Creates a concept at version 1 with its labels, cross-references and mentions; answers `id`. */
export function createConceptQuery(concept: Concept): CypherQuery {
  // The label comes from the closed kind vocabulary, never from input.
  const label = CONCEPT_KIND_INFO[concept.kind].label;
  return {
    cypher: `
      CREATE (c:Concept:${label})
      SET c = $props
      WITH c
      ${WRITE_CONCEPT_LINKS}
      RETURN c.id AS id`,
    params: { props: conceptProps(concept, 1), ...conceptLinks(concept) },
  };
}

/**
 * Replaces a concept's fields, cross-references and mentions when it is still at `expectedVersion`
 * (its kind never changes); answers `version`, or no row when the version moved.
 */
export function updateConceptQuery(concept: Concept, expectedVersion: number): CypherQuery {
  return {
    cypher: `
      MATCH (c:Concept {id: $id})
      WHERE coalesce(c.version, 1) = $expectedVersion
      SET c = $props
      WITH c
      CALL (c) {
        MATCH (c)-[old:HAS_XREF|MENTIONED_IN]->()
        DELETE old
      }
      ${WRITE_CONCEPT_LINKS}
      CALL () {
        MATCH (x:Xref) WHERE NOT (x)<-[:HAS_XREF]-()
        DELETE x
      }
      RETURN c.version AS version`,
    params: { id: concept.id, expectedVersion, props: conceptProps(concept, expectedVersion + 1), ...conceptLinks(concept) },
  };
}

/** Ties the evidence node bound to `e` (with `row.props`) to its source and the source it cites. */
const LINK_EVIDENCE = `
        MATCH (s:Source {id: row.props.sourceId})
        MERGE (e)-[:IN_SOURCE]->(s)
        WITH e, row
        OPTIONAL MATCH (cited:Source {id: row.props.citedSourceId})
        FOREACH (_ IN CASE WHEN cited IS NULL THEN [] ELSE [1] END | MERGE (e)-[:ATTRIBUTED_TO]->(cited))`;

/** Creates a relation at version 1 between existing concepts, with its evidence records; answers `id`. */
export function addRelationQuery(relation: Relation): CypherQuery {
  if (!isRelationType(relation.type)) throw new Error(`unknown relation type ${String(relation.type)}`);
  const props = { ...relationRow(relation).props, version: 1 };
  // The type comes from the closed relation vocabulary (checked above), never from input.
  return {
    cypher: `
      MATCH (a:Concept {id: $from}), (b:Concept {id: $to})
      CREATE (a)-[r:${relation.type}]->(b)
      SET r = $props
      WITH r
      CALL (r) {
        UNWIND $evidence AS row
        CREATE (e:Evidence)
        SET e = row.props
        WITH e, row
        ${LINK_EVIDENCE}
      }
      RETURN r.id AS id`,
    params: { from: relation.from, to: relation.to, props, evidence: evidenceRows(relation) },
  };
}

/** The live relation with id `$relationId` at `$expectedVersion`, bound to `r` (with its ends `a`, `b`). */
const MATCH_RELATION_AT_VERSION = `
      MATCH (a:Concept)-[r]->(b:Concept)
      WHERE r.id = $relationId AND coalesce(r.version, 1) = $expectedVersion
      WITH a, r, b LIMIT 1`;

/**
 * Adds one evidence record after every earlier one (retracted ones included, so an id is never
 * reused) when the relation is still at `expectedVersion`; answers `evidenceId` and the relation's new
 * `version`, or no row when the version moved.
 */
export function addEvidenceQuery(relationId: string, evidence: Omit<Evidence, "id">, expectedVersion: number): CypherQuery {
  return {
    cypher: `
      ${MATCH_RELATION_AT_VERSION}
      OPTIONAL MATCH (live:Evidence {relationId: r.id})
      WITH r, max(live.position) AS lastLive
      OPTIONAL MATCH (gone:RetractedEvidence {relationId: r.id})
      WITH r, lastLive, max(gone.position) AS lastGone
      WITH r, coalesce(CASE WHEN lastGone IS NULL OR lastLive >= lastGone THEN lastLive ELSE lastGone END, -1) + 1 AS position
      CREATE (e:Evidence)
      SET e = $props, e.position = position, e.id = r.id + '#' + toString(toInteger(position) + 1)
      SET r.evidenceCount = r.evidenceCount + 1, r.version = toInteger($expectedVersion) + 1
      WITH r, e, {props: $props} AS row
      CALL (e, row) {
        ${LINK_EVIDENCE}
      }
      RETURN e.id AS evidenceId, r.version AS version`,
    params: { relationId, expectedVersion, props: evidenceProps(evidence, relationId) },
  };
}

/** Marks the evidence bound to `e` retracted: out of every read (label swapped), kept with its content and the stamp. */
const RETRACT_EVIDENCE = `
        REMOVE e:Evidence
        SET e:RetractedEvidence, e.retractedAt = $stamp.at, e.retractedBy = $stamp.principal, e.retractionReason = $stamp.reason,
            e.retractedInVersion = $stamp.graphVersion
        WITH e
        CALL (e) {
          MATCH (e)-[link:IN_SOURCE|ATTRIBUTED_TO]->()
          DELETE link
        }`;

/**
 * Retracts a relation still at `expectedVersion`: its full content (type, ends, qualifiers, dataset,
 * evidence count) moves to a :RetractedRelation node, its evidence is retracted, and the relationship
 * leaves the live graph. Answers `version` (the retracted record's), or no row when the version moved.
 */
export function retractRelationQuery(relationId: string, expectedVersion: number, stamp: RetractionStamp): CypherQuery {
  return {
    cypher: `
      ${MATCH_RELATION_AT_VERSION}
      CREATE (gone:RetractedRelation)
      SET gone = properties(r), gone.type = type(r), gone.from = a.id, gone.to = b.id, gone.version = toInteger($expectedVersion) + 1,
          gone.retractedAt = $stamp.at, gone.retractedBy = $stamp.principal, gone.retractionReason = $stamp.reason,
          gone.retractedInVersion = $stamp.graphVersion
      WITH r, gone
      CALL (r) {
        MATCH (e:Evidence {relationId: r.id})
        ${RETRACT_EVIDENCE}
      }
      DELETE r
      RETURN gone.version AS version`,
    params: { relationId, expectedVersion, stamp },
  };
}

/**
 * Retracts one evidence record of a relation still at `expectedVersion`, keeping the relation's
 * evidence count right; answers the relation's new `version`, or no row when the version moved or
 * the evidence is not live evidence of that relation.
 */
export function retractEvidenceQuery(relationId: string, evidenceId: string, expectedVersion: number, stamp: RetractionStamp): CypherQuery {
  return {
    cypher: `
      ${MATCH_RELATION_AT_VERSION}
      MATCH (e:Evidence {id: $evidenceId, relationId: r.id})
      SET r.evidenceCount = r.evidenceCount - 1, r.version = toInteger($expectedVersion) + 1
      WITH r, e
      CALL (e) {
        ${RETRACT_EVIDENCE}
      }
      RETURN r.version AS version`,
    params: { relationId, evidenceId, expectedVersion, stamp },
  };
}

/** The current version of a concept or relation (1 when never written), or no row when it is not live. */
export function entityVersionQuery(entity: "concept" | "relation", id: string): CypherQuery {
  return entity === "concept"
    ? { cypher: "MATCH (c:Concept {id: $id}) RETURN coalesce(c.version, 1) AS version", params: { id } }
    : { cypher: "MATCH (:Concept)-[r]->(:Concept) WHERE r.id = $id RETURN coalesce(r.version, 1) AS version LIMIT 1", params: { id } };
}

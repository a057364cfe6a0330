/**
 * The peer's schema: type definitions for `@neo4j/graphql` 7 over our Neo4j data model, written the way the
 * library's documentation teaches. One `Concept` type for the `:Concept` label (the kind label each node also
 * carries is not needed: `kind` is a property, and kind-specific views filter on it with `where`), relationships
 * typed by relation type, cross-references with their link properties, a full-text query over our word index,
 * and `@cypher` fields for what the library cannot derive: root causes, treatment options, causal paths and the
 * neighbourhood. Used only by the benchmark (bench/peer/peer-server.ts), never by the service.
 */

/** Causal relation types, as in src/domain/relation-type.ts (a fixed list, so the statements stay constant). */
const CAUSAL = "CAUSES|CONTRIBUTES_TO|PRECEDES";
/** Relation types through which a treatment acts on a condition's scope. */
const INTERVENTION = "TREATS|AMELIORATES|REDUCES|PREVENTS";
/** Relation types from a condition to its findings. */
const FINDINGS = "HAS_SYMPTOM|HAS_WARNING_SIGN|HAS_COMPLICATION";

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Concept
    @node(labels: ["Concept"])
    @fulltext(indexes: [{ indexName: "concept_search_words", queryName: "conceptSearch", fields: ["searchText"] }]) {
    id: ID!
    kind: String!
    name: String!
    synonyms: [String!]!
    summary: String!
    biolinkCategory: String
    searchText: String!
    xrefs: [Xref!]! @relationship(type: "HAS_XREF", direction: OUT, properties: "XrefLink")
    symptoms: [Concept!]! @relationship(type: "HAS_SYMPTOM", direction: OUT)
    aggravatedBy: [Concept!]! @relationship(type: "AGGRAVATES", direction: IN)
    relievedBy: [Concept!]! @relationship(type: "AMELIORATES", direction: IN)
    "Causes anywhere up the causal chains that lead here (at most 8 hops)."
    rootCauses: [Concept!]!
      @cypher(
        statement: """
        MATCH (this)<-[:${CAUSAL}*1..8]-(u:Concept {kind: 'cause'})
        RETURN DISTINCT u
        """
        columnName: "u"
      )
    "Every treatment acting on the condition, its findings, or anything causing them, with what it acts on."
    treatmentOptions: [TreatmentOption!]!
      @cypher(
        statement: """
        CALL (this) {
          MATCH (this)-[:${FINDINGS}]->(x:Concept) RETURN x AS seed
          UNION
          RETURN this AS seed
        }
        CALL (seed) {
          MATCH (seed)<-[:${CAUSAL}*1..8]-(u:Concept) RETURN u AS member
          UNION
          RETURN seed AS member
        }
        WITH DISTINCT member
        MATCH (t:Concept {kind: 'treatment'})-[r:${INTERVENTION}]->(member)
        WITH t, collect({target: member {.id, .name}, relation: {type: type(r)}}) AS actsOn
        RETURN {treatment: t {.id, .name}, actsOn: actsOn} AS option
        """
        columnName: "option"
      )
  }

  type Xref @node(labels: ["Xref"]) {
    curie: String!
    prefix: String!
  }

  type XrefLink @relationshipProperties {
    match: String!
    position: Int!
  }

  type ConceptRef {
    id: ID!
    name: String!
  }

  type RelationRef {
    type: String!
  }

  type Intervention {
    target: ConceptRef!
    relation: RelationRef!
  }

  type TreatmentOption {
    treatment: ConceptRef!
    actsOn: [Intervention!]!
  }

  type Locator {
    start: Int!
    end: Int!
  }

  type PathEvidence {
    claim: String!
    locator: Locator!
  }

  type PathRelation {
    id: ID!
    type: String!
    evidence: [PathEvidence!]!
  }

  type CausalPath {
    hops: Int!
    nodes: [ConceptRef!]!
    relations: [PathRelation!]!
  }

  type NeighbourNode {
    id: ID!
    label: String!
    kind: String!
    depth: Int!
  }

  type NeighbourEdge {
    id: ID!
    source: ID!
    target: ID!
    type: String!
  }

  type Neighbourhood {
    totalNodes: Int!
    nodes: [NeighbourNode!]!
    edges: [NeighbourEdge!]!
  }

  type Query {
    "Simple causal paths from one concept to another: fewest hops, then most evidence, then relation ids."
    causalPathways(from: ID!, to: ID!, limit: Int = 10): [CausalPath!]!
      @cypher(
        statement: """
        MATCH p = (:Concept {id: $from})-[rels:${CAUSAL}*1..6]->(:Concept {id: $to})
        WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
        WITH p, rels, size(rels) AS hops,
          reduce(e = 0, r IN rels | e + r.evidenceCount) AS evidence,
          reduce(k = '', r IN rels | k + CASE k WHEN '' THEN '' ELSE ' ' END + r.id) AS key
        ORDER BY hops, evidence DESC, key
        LIMIT $limit
        RETURN {
          hops: hops,
          nodes: [n IN nodes(p) | n {.id, .name}],
          relations: [r IN rels | {id: r.id, type: type(r), evidence: COLLECT {
            MATCH (e:Evidence {relationId: r.id}) RETURN {claim: e.claim, locator: {start: e.start, end: e.end}}
          }}]
        } AS path
        """
        columnName: "path"
      )

    "Concepts within depth steps of a concept (concept-to-concept relations only), and the relations among them."
    neighbourhood(id: ID!, depth: Int = 1): Neighbourhood
      @cypher(
        statement: """
        MATCH (c:Concept {id: $id})
        MATCH p = (c)-[*0..2]-(n:Concept)
        WHERE length(p) <= $depth AND all(x IN nodes(p) WHERE x:Concept)
        WITH n, min(length(p)) AS depth
        WITH collect({id: n.id, label: n.name, kind: n.kind, depth: depth}) AS nodes, collect(n) AS members
        CALL (members) {
          UNWIND members AS a
          MATCH (a)-[r]->(b:Concept) WHERE b IN members
          RETURN collect({id: r.id, source: a.id, target: b.id, type: type(r)}) AS edges
        }
        RETURN {totalNodes: size(nodes), nodes: nodes, edges: edges} AS result
        """
        columnName: "result"
      )
  }
`;

/**
 * The fixed benchmark mix: each entry is one GraphQL operation the API serves, and the hand-written
 * Cypher a developer would send through the driver for the same answer (the floor).
 */
export interface MixEntry {
  readonly name: string;
  readonly graphql: string;
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}

export const QUERY_MIX: readonly MixEntry[] = [
  {
    name: "concept lookup",
    graphql: `{ concept(id: "back-muscle-spasm") { id kind name synonyms summary biolinkCategory xrefs { curie url match } } }`,
    cypher: `MATCH (c:Concept {id: $id})
      RETURN c {.id, .kind, .name, .synonyms, .summary, .biolinkCategory,
        xrefs: [(c)-[h:HAS_XREF]->(x:Xref) | {curie: x.curie, match: h.match}]} AS concept`,
    params: { id: "back-muscle-spasm" },
  },
  {
    name: "condition overview (3 levels)",
    graphql: `{ concept(id: "back-muscle-spasm") { id name ... on Condition {
        symptoms { id name ... on Symptom { aggravatedBy { id name } relievedBy { id name } } }
        treatments { treatment { id name } actsOn { target { id name } relation { type } } }
        causes { id name } } } }`,
    cypher: `MATCH (c:Concept {id: $id})
      CALL (c) { MATCH (c)-[:HAS_SYMPTOM]->(s:Concept)
        WITH DISTINCT s
        RETURN collect(s {.id, .name,
          aggravatedBy: [(s)<-[:AGGRAVATES]-(a:Concept) | a {.id, .name}],
          relievedBy: [(s)<-[:AMELIORATES]-(t:Concept {kind: 'treatment'}) | t {.id, .name}]}) AS symptoms }
      CALL (c) { MATCH (c)<-[rels:CAUSES|CONTRIBUTES_TO|PRECEDES*1..8]-(u:Concept {kind: 'cause'})
        WITH DISTINCT u RETURN collect(u {.id, .name}) AS causes }
      CALL (c) {
        CALL (c) { MATCH (c)-[:HAS_SYMPTOM|HAS_WARNING_SIGN|HAS_COMPLICATION]->(x:Concept) RETURN x AS seed UNION RETURN c AS seed }
        CALL (seed) { MATCH (seed)<-[:CAUSES|CONTRIBUTES_TO|PRECEDES*1..8]-(u:Concept) RETURN u AS member UNION RETURN seed AS member }
        WITH DISTINCT member
        MATCH (t:Concept {kind: 'treatment'})-[r:TREATS|AMELIORATES|REDUCES|PREVENTS]->(member)
        RETURN collect({treatment: t {.id, .name}, target: member {.id, .name}, type: type(r)}) AS treatments }
      RETURN c {.id, .name} AS condition, symptoms, causes, treatments`,
    params: { id: "back-muscle-spasm" },
  },
  {
    name: "causalPathways",
    graphql: `{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm") { paths { hops nodes { id name } relations { id type evidence { claim locator { start end } } } } } }`,
    cypher: `MATCH p = (:Concept {id: $from})-[rels:CAUSES|CONTRIBUTES_TO|PRECEDES*1..6]->(:Concept {id: $to})
      WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
      WITH p, rels, size(rels) AS hops, reduce(e = 0, r IN rels | e + r.evidenceCount) AS evidence
      ORDER BY hops, evidence DESC LIMIT 10
      RETURN [n IN nodes(p) | n {.id, .name}] AS nodes,
        [r IN rels | {id: r.id, type: type(r), evidence: COLLECT { MATCH (e:Evidence {relationId: r.id}) RETURN e {.claim, .start, .end} }}] AS relations`,
    params: { from: "sports-back-injury", to: "back-muscle-spasm" },
  },
  {
    name: "neighbourhood depth 2",
    graphql: `{ neighborhood(id: "back-muscle-spasm", depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
    cypher: `MATCH (c:Concept {id: $id})
      MATCH p = (c)-[*0..2]-(n:Concept)
      WITH c, n, min(length(p)) AS depth
      WITH c, collect({id: n.id, label: n.name, kind: n.kind, depth: depth}) AS nodes, collect(n) AS members
      CALL (members) { UNWIND members AS a MATCH (a)-[r]->(b:Concept) WHERE b IN members
        RETURN collect({id: r.id, source: a.id, target: b.id, type: type(r)}) AS edges }
      RETURN nodes, edges`,
    params: { id: "back-muscle-spasm" },
  },
  {
    name: "search",
    graphql: `{ search(text: "muscle relaxnt", first: 10) { score concept { id name kind } } }`,
    cypher: `CALL db.index.fulltext.queryNodes('concept_text', $lucene, {limit: 10}) YIELD node, score
      RETURN node {.id, .name, .kind} AS concept, score`,
    params: { lucene: "muscle~2 OR muscle* OR relaxnt~2 OR relaxnt*" },
  },
];

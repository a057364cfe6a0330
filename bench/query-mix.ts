/**
 * The fixed benchmark mix. Each entry is one question, asked three ways: as our API's GraphQL operation, as the
 * peer's (`@neo4j/graphql`, bench/peer/peer-type-defs.ts) operation, and as the hand-written Cypher a developer
 * would send through the driver (the floor). `cases` draws the arguments from the seed graph, the same for every
 * setup; each way's answer is brought to one comparable shape (bench/answer-shapes.ts) to check they agree.
 */
import { searchTokens } from "../src/domain/search-text.js";
import { luceneQueryFor } from "../src/neo4j/cypher/search-candidates.query.js";
import { conceptShape, neighbourhoodShape, overviewShape, pathsShape, searchShape } from "./answer-shapes.js";
import type { BenchArguments } from "./bench-arguments.js";

type Json = any;
export type Variables = Record<string, unknown>;

/** The arguments of one request, as each setup takes them. */
export interface MixCase {
  readonly ours: Variables;
  readonly peer: Variables;
  readonly raw: Variables;
}

export interface MixEntry {
  readonly name: string;
  /** Our API's operation. */
  readonly graphql: string;
  /** The peer's operation for the same question. */
  readonly peerGraphql: string;
  /** The floor: one Cypher statement through the driver. */
  readonly cypher: string;
  /** Our API's variables for a fixed example (the soak run uses it). */
  readonly sample: Variables;
  /** Every request the benchmark sends for this question, in order. */
  cases(args: BenchArguments): MixCase[];
  /** Comparable shape of our API's `data`. */
  fromOurs(data: Json): unknown;
  /** Comparable shape of the peer's `data`. */
  fromPeer(data: Json): unknown;
  /** Comparable shape of the raw statement's rows (plain objects, integers as numbers). */
  fromRaw(rows: readonly Json[]): unknown;
}

/** Most search matches asked for: every setup returns all its matches, so they can be compared as sets. */
const SEARCH_FIRST = 50;

const same = (v: Variables): MixCase => ({ ours: v, peer: v, raw: v });

export const QUERY_MIX: readonly MixEntry[] = [
  {
    name: "concept lookup",
    graphql: `query ($id: ID!) { concept(id: $id) { id kind name synonyms summary biolinkCategory xrefs { curie match } } }`,
    peerGraphql: `query ($id: ID!) { concepts(where: { id: { eq: $id } }) { id kind name synonyms summary biolinkCategory
        xrefsConnection { edges { properties { match } node { curie } } } } }`,
    cypher: `MATCH (c:Concept {id: $id})
      RETURN c {.id, .kind, .name, .synonyms, .summary, .biolinkCategory,
        xrefs: [(c)-[h:HAS_XREF]->(x:Xref) | {curie: x.curie, match: h.match}]} AS concept`,
    sample: { id: "back-muscle-spasm" },
    cases: (a) => a.conceptIds.map((id) => same({ id })),
    fromOurs: (d) => conceptShape(d.concept, d.concept?.xrefs ?? []),
    fromPeer: (d) => {
      const c = d.concepts[0];
      return conceptShape(c, (c?.xrefsConnection.edges ?? []).map((e: Json) => ({ curie: e.node.curie, match: e.properties.match })));
    },
    fromRaw: (rows) => conceptShape(rows[0]?.concept, rows[0]?.concept.xrefs ?? []),
  },
  {
    name: "condition overview (3 levels)",
    graphql: `query ($id: ID!) { concept(id: $id) { id name ... on Condition {
        symptoms { id name ... on Symptom { aggravatedBy { id name } relievedBy { id name } } }
        treatments { treatment { id name } actsOn { target { id name } relation { type } } }
        causes { id name } } } }`,
    peerGraphql: `query ($id: ID!) { concepts(where: { id: { eq: $id } }) { id name
        symptoms(where: { kind: { eq: "symptom" } }) { id name
          aggravatedBy(where: { kind: { eq: "activity" } }) { id name }
          relievedBy(where: { kind: { eq: "treatment" } }) { id name } }
        treatmentOptions { treatment { id name } actsOn { target { id name } relation { type } } }
        rootCauses { id name } } }`,
    cypher: `MATCH (c:Concept {id: $id})
      CALL (c) { MATCH (c)-[:HAS_SYMPTOM]->(s:Concept {kind: 'symptom'})
        WITH DISTINCT s
        RETURN collect(s {.id, .name,
          aggravatedBy: [(s)<-[:AGGRAVATES]-(a:Concept {kind: 'activity'}) | a {.id, .name}],
          relievedBy: [(s)<-[:AMELIORATES]-(t:Concept {kind: 'treatment'}) | t {.id, .name}]}) AS symptoms }
      CALL (c) { MATCH (c)<-[rels:CAUSES|CONTRIBUTES_TO|PRECEDES*1..8]-(u:Concept {kind: 'cause'})
        WITH DISTINCT u RETURN collect(u {.id, .name}) AS causes }
      CALL (c) {
        CALL (c) { MATCH (c)-[:HAS_SYMPTOM|HAS_WARNING_SIGN|HAS_COMPLICATION]->(x:Concept) RETURN x AS seed UNION RETURN c AS seed }
        CALL (seed) { MATCH (seed)<-[:CAUSES|CONTRIBUTES_TO|PRECEDES*1..8]-(u:Concept) RETURN u AS member UNION RETURN seed AS member }
        WITH DISTINCT member
        MATCH (t:Concept {kind: 'treatment'})-[r:TREATS|AMELIORATES|REDUCES|PREVENTS]->(member)
        WITH t, collect({target: member {.id, .name}, type: type(r)}) AS actsOn
        RETURN collect({treatment: t {.id, .name}, actsOn: actsOn}) AS treatments }
      RETURN c {.id, .name} AS condition, symptoms, causes, treatments`,
    sample: { id: "back-muscle-spasm" },
    cases: (a) => a.conditionIds.map((id) => same({ id })),
    fromOurs: (d) =>
      overviewShape(
        d.concept,
        d.concept?.symptoms ?? [],
        (d.concept?.treatments ?? []).map((t: Json) => ({ treatment: t.treatment, actsOn: t.actsOn.map((x: Json) => ({ target: x.target, type: x.relation.type })) })),
        d.concept?.causes ?? [],
      ),
    fromPeer: (d) => {
      const c = d.concepts[0];
      return overviewShape(
        c,
        c?.symptoms ?? [],
        (c?.treatmentOptions ?? []).map((t: Json) => ({ treatment: t.treatment, actsOn: t.actsOn.map((x: Json) => ({ target: x.target, type: x.relation.type })) })),
        c?.rootCauses ?? [],
      );
    },
    fromRaw: (rows) => {
      const r = rows[0];
      return r === undefined ? null : overviewShape(r.condition, r.symptoms, r.treatments, r.causes);
    },
  },
  {
    name: "causalPathways",
    graphql: `query ($from: ID!, $to: ID!) { causalPathways(from: $from, to: $to) { paths { hops nodes { id name }
        relations { id type evidence { claim locator { start end } } } } } }`,
    peerGraphql: `query ($from: ID!, $to: ID!) { causalPathways(from: $from, to: $to) { hops nodes { id name }
        relations { id type evidence { claim locator { start end } } } } }`,
    cypher: `MATCH p = (:Concept {id: $from})-[rels:CAUSES|CONTRIBUTES_TO|PRECEDES*1..6]->(:Concept {id: $to})
      WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
      WITH p, rels, size(rels) AS hops, reduce(e = 0, r IN rels | e + r.evidenceCount) AS evidence,
        reduce(k = '', r IN rels | k + CASE k WHEN '' THEN '' ELSE ' ' END + r.id) AS key
      ORDER BY hops, evidence DESC, key LIMIT 10
      RETURN hops, [n IN nodes(p) | n {.id, .name}] AS nodes,
        [r IN rels | {id: r.id, type: type(r), evidence: COLLECT { MATCH (e:Evidence {relationId: r.id}) RETURN e {.claim, .start, .end} }}] AS relations`,
    sample: { from: "sports-back-injury", to: "back-muscle-spasm" },
    cases: (a) => a.pathPairs.map((p) => same({ from: p.from, to: p.to })),
    fromOurs: (d) => pathsShape(d.causalPathways.paths.map((p: Json) => ({ ...p, relations: p.relations.map(flattenLocators) }))),
    fromPeer: (d) => pathsShape(d.causalPathways.map((p: Json) => ({ ...p, relations: p.relations.map(flattenLocators) }))),
    fromRaw: (rows) => pathsShape(rows as Json[]),
  },
  {
    name: "neighbourhood depth 2",
    graphql: `query ($id: ID!) { neighborhood(id: $id, depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
    peerGraphql: `query ($id: ID!) { neighbourhood(id: $id, depth: 2) { totalNodes nodes { id label kind depth } edges { id source target type } } }`,
    // Concept-to-concept relations only, as the API walks: a path through a Source or Xref node is not a neighbour.
    cypher: `MATCH (c:Concept {id: $id})
      MATCH p = (c)-[*0..2]-(n:Concept)
      WHERE all(x IN nodes(p) WHERE x:Concept)
      WITH n, min(length(p)) AS depth
      WITH collect({id: n.id, label: n.name, kind: n.kind, depth: depth}) AS nodes, collect(n) AS members
      CALL (members) { UNWIND members AS a MATCH (a)-[r]->(b:Concept) WHERE b IN members
        RETURN collect({id: r.id, source: a.id, target: b.id, type: type(r)}) AS edges }
      RETURN size(nodes) AS totalNodes, nodes, edges`,
    sample: { id: "back-muscle-spasm" },
    cases: (a) => a.conceptIds.map((id) => same({ id })),
    fromOurs: (d) => neighbourhoodShape(d.neighborhood.totalNodes, d.neighborhood.nodes, d.neighborhood.edges),
    fromPeer: (d) => (d.neighbourhood === null ? null : neighbourhoodShape(d.neighbourhood.totalNodes, d.neighbourhood.nodes, d.neighbourhood.edges)),
    fromRaw: (rows) => (rows[0] === undefined ? null : neighbourhoodShape(rows[0].totalNodes, rows[0].nodes, rows[0].edges)),
  },
  {
    name: "search",
    graphql: `query ($text: String!) { search(text: $text, first: ${SEARCH_FIRST}) { score concept { id name kind } } }`,
    peerGraphql: `query ($phrase: String!) { conceptSearch(phrase: $phrase, first: ${SEARCH_FIRST}) { edges { score node { id name kind } } } }`,
    cypher: `CALL db.index.fulltext.queryNodes('concept_search_words', $lucene, {limit: ${SEARCH_FIRST}}) YIELD node, score
      RETURN node {.id, .name, .kind} AS concept, score`,
    sample: { text: "muscle relaxnt" },
    // The peer and raw Cypher get the Lucene query our API builds for the same text (the client's job there).
    cases: (a) =>
      a.searchTexts.map((text) => {
        const lucene = luceneQueryFor([...new Set(searchTokens(text))]);
        return { ours: { text }, peer: { phrase: lucene }, raw: { lucene } };
      }),
    fromOurs: (d) => searchShape(d.search.map((h: Json) => h.concept)),
    fromPeer: (d) => searchShape(d.conceptSearch.edges.map((e: Json) => e.node)),
    fromRaw: (rows) => searchShape(rows.map((r) => r.concept)),
  },
];

/** A path relation with its evidence locators flattened to start/end, as raw Cypher returns them. */
function flattenLocators(r: Json): Json {
  return { ...r, evidence: r.evidence.map((e: Json) => ({ claim: e.claim, start: e.locator.start, end: e.locator.end })) };
}

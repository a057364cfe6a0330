import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { testApiSettings } from "../support/api-server.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { curatedGraph, noNeo4j } from "../support/neo4j-test-env.js";
import { startLevelByLevelApi, startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

/**
 * A planned answer equals the level-by-level one on the same backend: every query is asked of a
 * server that reads planned roots in one plan and of one that answers every field through the loaders
 * (READ_PLANS=false), over the same store, and the two answers must be byte-identical.
 */

const INTERVENTION = "treatment { id name summary } relation { id type evidenceCount evidence { id claim } } target { id name } viaRelation { id }";
const LEAF = "id name kind";
const SELECTION = `
  __typename id kind name synonyms summary dataset biolinkCategory xrefs { curie match url } mentions { start end section { id } }
  broader { ${LEAF} } narrower { ${LEAF} } causedBy { ${LEAF} leadsTo { id } } leadsTo { ${LEAF} causedBy { id } }
  interventions { ${INTERVENTION} } atRest: interventions(context: AT_REST) { ${INTERVENTION} }
  ... on Condition {
    symptoms(context: $context) { ${LEAF} ... on Symptom {
      relievedBy { ${LEAF} ... on Treatment { modality limits { id } } } aggravatedBy { ${LEAF} } moving: relievedBy(context: DURING_MOVEMENT) { id }
      interventions { ${INTERVENTION} } conditions { id ... on Condition { warningSigns { id urgency } symptoms { id } } } } }
    causes { ${LEAF} ... on Cause { conditions { id } occursDuring { id } } } mechanisms { ${LEAF} } complications { id } warningSigns { id urgency }
    anatomy { id ... on Anatomy { partOf { id } } }
    treatments { treatment { id modality summary } actsOn { ${INTERVENTION} } }
  }
  ... on Cause { conditions { ${LEAF} } location { id } occursDuring { id } }
  ... on Mechanism { conditions { ${LEAF} } occursIn { id } }
  ... on Symptom { conditions(context: $context) { id ... on Condition { treatments { treatment { id } } } } location { id } aggravatedBy(context: $context) { id } relievedBy { id } }
  ... on Treatment { modality treats { id } warrantedBy { id } limits { id } }
  ... on WarningSign { urgency conditions { id } occursDuring { id } warrants { id } }
  ... on Complication { conditions { id } location { id } }
  ... on Anatomy { partOf { id } parts { id } involvedIn { id } }
  ... on Activity { aggravates { id } contextOf { id } limitedBy { id } }`;

const CONCEPT = `query($id: ID!, $context: SymptomContext) { concept(id: $id) { ${SELECTION} } }`;

const PATH_SELECTION = `truncated paths { hops evidenceCount nodes { ${LEAF} summary ... on Condition { symptoms { id } } } relations { id type evidence { id claim locator { start end } } }
  steps { forward from { id xrefs { curie } } relation { id evidence { id } } to { id } } }`;
const NEIGHBOURHOOD_SELECTION = `totalNodes totalEdges center { id name ... on Condition { causes { id } } } nodes { id label kind depth concept { id summary causedBy { id } } }
  edges { id source target type label } pageInfo { hasNextPage endCursor } cytoscapeElements`;

const RELATION_SELECTION = `id type biolinkPredicate predicateMatch ownPredicate evidenceCount dataset qualifiers { context frequency onset severity appliesWhen timing }
  from { ${LEAF} ... on Condition { symptoms { id } } } to { id kind causedBy { id } }
  evidence { id claim reasoning knowledgeLevel agentType source { id title } citedSource { id title }
    locator { start end quote section { id heading label } source { id } } relation { id type from { id } evidence { id } } }
  cedars: evidence(evidence: { sources: ["cedars-sinai"] }) { id citedSource { id } }
  stated: evidence(evidence: { knowledgeLevels: [KNOWLEDGE_ASSERTION], agentTypes: [MANUAL_AGENT] }) { id locator { context(chars: 40) { before quote after } } }`;
const RELATION = `query($id: ID!) { relation(id: $id) { ${RELATION_SELECTION} } }`;

/** Every planned field that takes an evidence filter, each filtered by $evidence. */
const FILTERED_SELECTION = `id
  causedBy(evidence: $evidence) { id leadsTo(evidence: $evidence) { id } }
  interventions(evidence: $evidence) { treatment { id } relation { id evidence(evidence: $evidence) { id } } }
  ... on Condition {
    symptoms(evidence: $evidence) { id ... on Symptom { relievedBy(evidence: $evidence) { id } } }
    causes(evidence: $evidence) { id }
    treatments(evidence: $evidence) { treatment { id } actsOn { relation { id } target { id } } } }
  ... on Symptom { conditions(evidence: $evidence) { id } aggravatedBy(evidence: $evidence) { id } }`;
const FILTERED = `query($id: ID!, $evidence: EvidenceFilter) { concept(id: $id) { ${FILTERED_SELECTION} } }`;

/** Filters that keep some relations, keep none, name an unknown source (an error), or constrain nothing. */
const FILTERS = [
  { sources: ["cedars-sinai"] },
  { knowledgeLevels: ["KNOWLEDGE_ASSERTION"], agentTypes: ["MANUAL_AGENT"] },
  { sources: ["back-spasm-article"], knowledgeLevels: ["LOGICAL_ENTAILMENT"] },
  { sources: ["cedars-sinai", "no-such-source"] },
  {},
];

const EXPLAIN_SELECTION = `truncated target { id name ... on Condition { symptoms { id } } }
  targetInterventions { treatment { id name } relation { id type evidence { id source { id } } } target { id } viaRelation { id } }
  chains { hops evidenceCount root { id kind }
    steps { position concept { id name causedBy { id } }
      relationToNext { id type from { id } cited: evidence(evidence: { sources: ["cedars-sinai"] }) { id } }
      interventions { treatment { id name summary } relation { id type } target { id name } viaRelation { id type } } } }`;
const EXPLAIN = `query($id: ID!, $limit: Int, $maxHops: Int, $context: SymptomContext, $evidence: EvidenceFilter) {
  explain(id: $id, limit: $limit, maxHops: $maxHops, context: $context, evidence: $evidence) { ${EXPLAIN_SELECTION} } }`;
/** Explanation arguments: the defaults, a cut, a context, fewer hops, and filters (one naming an unknown source). */
const EXPLAIN_ARGS = [{}, { limit: 1 }, { context: "AT_REST" }, { maxHops: 3, context: "DURING_EXERCISE" }, ...FILTERS.slice(1).map((evidence) => ({ evidence }))];

const TOUR_SELECTION = `id title summary audience dataset stepCount
  steps { position title narrative focus { id name ... on Symptom { relievedBy { id } } } concepts { id kind name }
    relations { id type from { id } evidence { id claim source { id title } locator { start end quote section { heading } } } } }`;

const SEARCH_ALL = `query($text: String!, $types: [SearchTarget!], $first: Int) { searchAll(text: $text, types: $types, first: $first) {
  __typename score matchedField matchedText
  ... on ConceptHit { concept { id name causedBy { id } } }
  ... on SourceHit { source { id kind title sections { id } } }
  ... on EvidenceHit { evidence { id claim source { id } citedSource { title } locator { quote } relation { id type from { id name } to { id } evidence { id } } } } } }`;
/** Search texts over names, synonyms, sources and claims, with typos; and the kinds searched. */
const SEARCH_TEXTS = ["Cedars-Sinai", "spasm", "sliped disk", "muscle relaxnt", "exercise pain", "article", "ice swelling", "back", "organisation", "disc pressing"];
const SEARCH_TYPES = [null, ["EVIDENCE"], ["SOURCE", "EVIDENCE"], ["CONCEPT"]];

// DURING_EXERCISE also takes in DURING_MOVEMENT relations (context-scope.ts), so these three cover every rule.
const CONTEXTS = [null, "AT_REST", "DURING_EXERCISE"];

/** The two servers compared: one reading plans, one answering level by level. */
interface Pair {
  readonly planned: string;
  readonly loaded: string;
}

async function conceptIds(url: string): Promise<string[]> {
  const body = await gql<{ concepts: { nodes: { id: string }[] } }>(url, `{ concepts(first: 100) { nodes { id } } }`);
  return body.data?.concepts.nodes.map((n) => n.id) ?? [];
}

/** The response without its extensions (the cost report), which may differ; the answers must not. */
function strip(body: unknown): string {
  const { extensions: _extensions, ...rest } = body as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** Asks both servers and expects byte-identical answers (data and errors); returns the planned one. */
async function expectSameAnswer(pair: Pair, query: string, variables?: Record<string, unknown>, label = query): Promise<any> {
  const [planned, loaded] = await Promise.all([gql(pair.planned, query, variables), gql(pair.loaded, query, variables)]);
  expect(strip(planned), label).toBe(strip(loaded));
  return planned;
}

function parityCases(pair: () => Pair): void {
  it("answers every concept, in every context, as the level-by-level path does", async () => {
    const ids = await conceptIds(pair().planned);
    expect(ids.length).toBe(46);
    for (const id of ids) {
      for (const context of CONTEXTS) {
        const planned = await expectSameAnswer(pair(), CONCEPT, { id, context }, `${id} ${context}`);
        expect(planned.errors, `${id} ${context}`).toBeUndefined();
      }
    }
  }, 300_000);

  it("answers every relation, with its ends, evidence, sources and passages, as the level-by-level path does", async () => {
    const graph = await curatedGraph();
    expect(graph.relations.length).toBeGreaterThan(50);
    for (const { id } of graph.relations) {
      const planned = await expectSameAnswer(pair(), RELATION, { id }, id);
      expect(planned.errors, id).toBeUndefined();
    }
    const missing = await expectSameAnswer(pair(), RELATION, { id: "no-such-relation" });
    expect(missing.errors[0].extensions.code).toBe("NOT_FOUND");
  }, 300_000);

  it("answers evidence filters on planned fields as the level-by-level path does, an unknown source with the same error at the same path", async () => {
    const ids = await conceptIds(pair().planned);
    for (const id of ids) {
      for (const evidence of FILTERS) {
        const planned = await expectSameAnswer(pair(), FILTERED, { id, evidence }, `${id} ${JSON.stringify(evidence)}`);
        if (!JSON.stringify(evidence).includes("no-such-source")) expect(planned.errors, `${id} ${JSON.stringify(evidence)}`).toBeUndefined();
      }
    }
    const unknown = await expectSameAnswer(pair(), FILTERED, { id: "back-muscle-spasm", evidence: { sources: ["no-such-source"] } });
    expect(unknown.errors.map((e: any) => [e.path.join("."), e.extensions.argumentName, e.message])).toContainEqual(["concept.causedBy", "evidence.sources", 'Argument "evidence.sources" names no known source: "no-such-source" (allowed: ids listed by Query.sources)']);
    for (const evidence of FILTERS) {
      const args = { evidence };
      await expectSameAnswer(pair(), `query($evidence: EvidenceFilter) { causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", evidence: $evidence) { ${PATH_SELECTION} } }`, args);
      await expectSameAnswer(pair(), `query($evidence: EvidenceFilter) { causalPathways(from: "nope", to: "back-muscle-spasm", evidence: $evidence) { truncated } }`, args);
      await expectSameAnswer(pair(), `query($evidence: EvidenceFilter) { neighborhood(id: "low-back-pain", depth: 2, evidence: $evidence) { ${NEIGHBOURHOOD_SELECTION} } }`, args);
      await expectSameAnswer(pair(), `query($evidence: EvidenceFilter) { neighborhood(id: "nope", evidence: $evidence) { totalNodes } }`, args);
    }
  }, 300_000);

  it("explains every concept, under every kind of argument, as the level-by-level path does (other kinds refused alike)", async () => {
    const ids = await conceptIds(pair().planned);
    let explained = 0;
    for (const id of ids) {
      for (const args of EXPLAIN_ARGS) {
        const planned = await expectSameAnswer(pair(), EXPLAIN, { id, ...args }, `${id} ${JSON.stringify(args)}`);
        if (planned.errors === undefined && planned.data.explain.chains.length > 0) explained++;
      }
    }
    expect(explained).toBeGreaterThan(10);
    for (const id of ["nope", "back-muscle-spasm", "walking"]) {
      for (const evidence of [{ sources: ["no-such-source"] }, { knowledgeLevels: [] }]) await expectSameAnswer(pair(), EXPLAIN, { id, evidence });
    }
  }, 600_000);

  it("answers tours and hits of the search over everything as the level-by-level path does", async () => {
    const graph = await curatedGraph();
    const all = await expectSameAnswer(pair(), `{ tours { ${TOUR_SELECTION} } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data.tours.length).toBe(graph.tours.length);
    for (const { id } of graph.tours) {
      const one = await expectSameAnswer(pair(), `query($id: ID!) { tour(id: $id) { ${TOUR_SELECTION} } }`, { id });
      expect(one.errors, id).toBeUndefined();
    }
    for (const id of ["no-such-tour", "Not A Tour Id"]) await expectSameAnswer(pair(), `query($id: ID!) { tour(id: $id) { steps { concepts { id } } } }`, { id });
    await expectSameAnswer(pair(), `{ tours { id title steps { position } } }`);
    let claims = 0;
    for (const text of SEARCH_TEXTS) {
      for (const types of SEARCH_TYPES) {
        for (const first of [3, 20]) {
          const planned = await expectSameAnswer(pair(), SEARCH_ALL, { text, types, first }, `${text} ${JSON.stringify(types)} ${first}`);
          expect(planned.errors, text).toBeUndefined();
          claims += planned.data.searchAll.filter((h: any) => h.__typename === "EvidenceHit").length;
        }
      }
    }
    expect(claims).toBeGreaterThan(20);
  }, 300_000);

  it("keeps a concept's planned values to its own position when a resolver passes it on under the same response keys", async () => {
    const cases = [
      ["refrain-from-sports", `... on Treatment { x: treats { id } actsOn { treatment { id x: limits { id } } } }`],
      ["inflammatory-swelling", `xrefs: leadsTo { id } interventions { target { id xrefs { curie } } }`],
      ["inflammatory-swelling", `x: leadsTo { id } interventions { target { x: causedBy { id } } }`],
    ];
    for (const [id, selection] of cases) {
      const planned = await expectSameAnswer(pair(), `{ concept(id: "${id}") { ${selection} } }`);
      expect(planned.errors, selection).toBeUndefined();
    }
  });

  it("answers causal pathways and neighbourhoods as the level-by-level path does", async () => {
    const pairs = [["sports-back-injury", "back-muscle-spasm"], ["ligament-strain", "back-pain"], ["back-muscle-spasm", "sports-back-injury"]];
    for (const [from, to] of pairs) {
      for (const limit of [1, 10]) {
        const planned = await expectSameAnswer(pair(), `{ causalPathways(from: "${from}", to: "${to}", limit: ${limit}) { ${PATH_SELECTION} } }`);
        expect(planned.errors).toBeUndefined();
      }
    }
    for (const id of ["back-muscle-spasm", "disc-dislodgement", "walking"]) {
      for (const args of ["depth: 1", "depth: 2, limit: 5", "depth: 3, direction: INCOMING, kinds: [CAUSE, MECHANISM]"]) {
        const planned = await expectSameAnswer(pair(), `{ neighborhood(id: "${id}", ${args}) { ${NEIGHBOURHOOD_SELECTION} } }`);
        expect(planned.errors).toBeUndefined();
      }
    }
  });

  it("keeps the errors of the level-by-level path", async () => {
    const cases = [
      `{ causalPathways(from: "nope", to: "back-muscle-spasm") { truncated } }`,
      `{ causalPathways(from: "back-muscle-spasm", to: "nope") { truncated } }`,
      `{ causalPathways(from: "back-muscle-spasm", to: "back-muscle-spasm") { truncated } }`,
      `{ causalPathways(from: "nope", to: "nope") { truncated } }`,
      `{ causalPathways(from: "nope", to: "back-muscle-spasm", limit: 0) { truncated } }`,
      `{ neighborhood(id: "nope") { totalNodes } }`,
      `{ neighborhood(id: "nope", depth: 9) { totalNodes } }`,
      `{ neighborhood(id: "back-muscle-spasm", after: "garbage") { totalNodes } }`,
      `{ concept(id: "nope") { id } }`,
    ];
    for (const query of cases) {
      const planned = await expectSameAnswer(pair(), query);
      expect(planned.errors?.length, query).toBe(1);
    }
  });
}

describe("planned answers equal level-by-level answers in memory", () => {
  let planned: RunningServer;
  let loaded: RunningServer;
  beforeAll(async () => {
    planned = await startMemoryApi();
    loaded = await startMemoryApi(undefined, testApiSettings({ READ_PLANS: "false" }));
  });
  afterAll(async () => {
    await planned?.close();
    await loaded?.close();
  });
  parityCases(() => ({ planned: planned.url, loaded: loaded.url }));
});

describe.skipIf(noNeo4j)("planned answers equal level-by-level answers on Neo4j", () => {
  let api: SeededApi;
  let loaded: RunningServer;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
    loaded = await startLevelByLevelApi(api.executor);
  });
  afterAll(async () => {
    await loaded?.close();
    await api?.close();
  });
  parityCases(() => ({ planned: api.url, loaded: loaded.url }));
});

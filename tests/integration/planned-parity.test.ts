import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { testApiSettings } from "../support/api-server.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
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

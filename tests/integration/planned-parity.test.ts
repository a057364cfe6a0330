import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { gql } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

/**
 * A planned answer equals the level-by-level one on the same backend: the same selection asked
 * through a root the planner reads ahead (concept, causalPathways, neighborhood) and through one that
 * takes the loader path (concepts, or an empty evidence filter, which constrains nothing).
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

const PLANNED = `query($id: ID!, $context: SymptomContext) { concept(id: $id) { ${SELECTION} } }`;
const LOADED = `query($id: ID!, $context: SymptomContext) { concepts(first: 1, filter: { ids: [$id] }) { nodes { ${SELECTION} } } }`;

const PATH_SELECTION = `truncated paths { hops evidenceCount nodes { ${LEAF} summary ... on Condition { symptoms { id } } } relations { id type evidence { id claim locator { start end } } }
  steps { forward from { id xrefs { curie } } relation { id evidence { id } } to { id } } }`;
const NEIGHBOURHOOD_SELECTION = `totalNodes totalEdges center { id name ... on Condition { causes { id } } } nodes { id label kind depth concept { id summary causedBy { id } } }
  edges { id source target type label } pageInfo { hasNextPage endCursor } cytoscapeElements`;

// DURING_EXERCISE also takes in DURING_MOVEMENT relations (context-scope.ts), so these three cover every rule.
const CONTEXTS = [null, "AT_REST", "DURING_EXERCISE"];

async function conceptIds(url: string): Promise<string[]> {
  const body = await gql<{ concepts: { nodes: { id: string }[] } }>(url, `{ concepts(first: 100) { nodes { id } } }`);
  return body.data?.concepts.nodes.map((n) => n.id) ?? [];
}

function strip(body: unknown): string {
  // The cost extension differs by root field (concept vs concepts); the answers must not.
  const { extensions: _extensions, ...rest } = body as Record<string, unknown>;
  return JSON.stringify(rest);
}

function parityCases(url: () => string): void {
  it("answers every concept, in every context, as the level-by-level path does", async () => {
    const ids = await conceptIds(url());
    expect(ids.length).toBe(46);
    for (const id of ids) {
      for (const context of CONTEXTS) {
        const planned = (await gql<{ concept: unknown }>(url(), PLANNED, { id, context })) as any;
        const loaded = (await gql<{ concepts: { nodes: unknown[] } }>(url(), LOADED, { id, context })) as any;
        expect(planned.errors, `${id} ${context}`).toBeUndefined();
        expect(loaded.errors, `${id} ${context}`).toBeUndefined();
        expect(strip({ data: planned.data.concept }), `${id} ${context}`).toBe(strip({ data: loaded.data.concepts.nodes[0] }));
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
      const planned = (await gql(url(), `{ concept(id: "${id}") { ${selection} } }`)) as any;
      const loaded = (await gql(url(), `{ concepts(first: 1, filter: { ids: ["${id}"] }) { nodes { ${selection} } } }`)) as any;
      expect(planned.errors, selection).toBeUndefined();
      expect(JSON.stringify(planned.data.concept), selection).toBe(JSON.stringify(loaded.data.concepts.nodes[0]));
    }
  });

  it("answers causal pathways and neighbourhoods as the level-by-level path does", async () => {
    const pairs = [["sports-back-injury", "back-muscle-spasm"], ["ligament-strain", "back-pain"], ["back-muscle-spasm", "sports-back-injury"]];
    for (const [from, to] of pairs) {
      for (const limit of [1, 10]) {
        const planned = (await gql(url(), `{ causalPathways(from: "${from}", to: "${to}", limit: ${limit}) { ${PATH_SELECTION} } }`)) as any;
        const loaded = (await gql(url(), `{ causalPathways(from: "${from}", to: "${to}", limit: ${limit}, evidence: {}) { ${PATH_SELECTION} } }`)) as any;
        expect(planned.errors).toBeUndefined();
        expect(JSON.stringify(planned.data), `${from} ${to}`).toBe(JSON.stringify(loaded.data));
      }
    }
    for (const id of ["back-muscle-spasm", "disc-dislodgement", "walking"]) {
      for (const args of ["depth: 1", "depth: 2, limit: 5", "depth: 3, direction: INCOMING, kinds: [CAUSE, MECHANISM]"]) {
        const planned = (await gql(url(), `{ neighborhood(id: "${id}", ${args}) { ${NEIGHBOURHOOD_SELECTION} } }`)) as any;
        const loaded = (await gql(url(), `{ neighborhood(id: "${id}", ${args}, evidence: {}) { ${NEIGHBOURHOOD_SELECTION} } }`)) as any;
        expect(planned.errors).toBeUndefined();
        expect(JSON.stringify(planned.data), `${id} ${args}`).toBe(JSON.stringify(loaded.data));
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
    ];
    for (const query of cases) {
      const planned = (await gql(url(), query)) as any;
      const loaded = (await gql(url(), query.replace(/\) \{/, ", evidence: {}) {"))) as any;
      expect(planned.errors?.length, query).toBe(1);
      expect(JSON.stringify(planned.errors), query).toBe(JSON.stringify(loaded.errors));
    }
    const missing = (await gql(url(), `{ concept(id: "nope") { id } }`)) as any;
    expect(missing.errors[0].extensions.code).toBe("NOT_FOUND");
  });
}

describe("planned answers equal level-by-level answers in memory", () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startMemoryApi();
  });
  afterAll(async () => api?.close());
  parityCases(() => api.url);
});

describe.skipIf(noNeo4j)("planned answers equal level-by-level answers on Neo4j", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => api?.close());
  parityCases(() => api.url);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlData } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

/** Counts the Cypher statements the executor sends while `work` runs. */
async function countRoundTrips(api: SeededApi, work: () => Promise<unknown>): Promise<number> {
  let trips = 0;
  const stop = api.executor.onQuery(() => {
    trips++;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return trips;
}

describe.skipIf(noNeo4j)("database round trips per request", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await startSeededNeo4jApi();
  });
  afterAll(async () => api?.close());

  it("costs one round trip per nesting level for a three-level condition overview", async () => {
    // Level 1: the conditions. Level 2: their symptoms. Level 3: each symptom's conditions and
    // aggravating activities (batched together). Level 4: those conditions' treatment options.
    const query = `{
      concepts(filter: { kinds: [CONDITION] }) { nodes { id
        ... on Condition { symptoms { id
          ... on Symptom {
            conditions { id ... on Condition { treatments { treatment { id } } } }
            aggravatedBy { id }
          } } } } } }`;
    let data: any;
    const trips = await countRoundTrips(api, async () => {
      data = await gqlData(api.url, query);
    });
    const symptoms = data.concepts.nodes.flatMap((n: any) => n.symptoms ?? []);
    // Four symptoms of a back spasm (8 treatment options) and one of muscle spasms in general (none).
    expect(symptoms.length).toBe(5);
    expect(symptoms.every((s: any) => s.conditions.length === 1)).toBe(true);
    const optionsByCondition = new Map(symptoms.map((s: any) => [s.conditions[0].id, s.conditions[0].treatments.length]));
    expect(Object.fromEntries(optionsByCondition)).toEqual({ "back-muscle-spasm": 8, "muscle-spasm": 0 });
    expect(trips).toBe(4);
  });

  it("does not grow with the number of concepts a query fans out over", async () => {
    const query = (first: number) => `{ concepts(first: ${first}) { nodes { id
        relations(first: 5) { totalCount nodes { id evidence { id source { id } } } }
        leadsTo { id causedBy { id } }
        interventions { treatment { id } } } } }`;
    const tripsFor = async (first: number) => {
      let nodes = 0;
      const trips = await countRoundTrips(api, async () => {
        nodes = ((await gqlData(api.url, query(first))) as any).concepts.nodes.length;
      });
      return { nodes, trips };
    };
    const small = await tripsFor(3);
    // 50 covers every concept and keeps the query inside the default cost budget.
    const all = await tripsFor(50);
    expect(small.nodes).toBe(3);
    expect(all.nodes).toBe(46);
    expect(all.trips).toBe(small.trips);
    // concepts; relation pages; links for leadsTo + interventions; evidence; causedBy; evidence sources.
    expect(all.trips).toBeLessThanOrEqual(6);
  });

  it("serves every guided tour with its highlights and their evidence in as many round trips as one tour", async () => {
    const selection = "id steps { position focus { id } concepts { id name } relations { id evidence { claim locator { start source { id } } } } }";
    let tours: any[] = [];
    const allTrips = await countRoundTrips(api, async () => {
      tours = ((await gqlData(api.url, `{ tours { ${selection} } }`)) as any).tours;
    });
    const oneTrips = await countRoundTrips(api, () => gqlData(api.url, `{ tour(id: "why-moving-hurts") { ${selection} } }`));
    expect(tours.length).toBeGreaterThanOrEqual(3);
    expect(allTrips).toBe(oneTrips);
    // One read plan: the tours, their steps' concepts and relations, the evidence and its sources.
    expect(allTrips).toBe(1);
  });
});

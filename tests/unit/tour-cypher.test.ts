import { describe, expect, it } from "vitest";
import type { Tour } from "../../src/domain/tour.model.js";
import { syncToursQuery } from "../../src/neo4j/cypher/tour-load.cypher.js";
import { toursQuery } from "../../src/neo4j/cypher/tours.query.js";

const HOSTILE = "x' }) DETACH DELETE n //";

const tour = (id: string): Tour => ({
  id,
  title: HOSTILE,
  summary: HOSTILE,
  audience: null,
  dataset: HOSTILE,
  position: 0,
  steps: [{ position: 1, title: HOSTILE, narrative: HOSTILE, conceptIds: [HOSTILE], relationIds: [], focusId: null }],
});

describe("tour Cypher builders", () => {
  it("carry tour content and requested ids only as parameters, with one statement text whatever the values", () => {
    const queries = [toursQuery([HOSTILE]), toursQuery(null), syncToursQuery([tour(HOSTILE)]), syncToursQuery([])];
    for (const q of queries) expect(q.cypher).not.toContain(HOSTILE);
    expect(JSON.stringify(toursQuery([HOSTILE]).params)).toContain("DETACH DELETE");
    expect(JSON.stringify(syncToursQuery([tour(HOSTILE)]).params)).toContain("DETACH DELETE");
    expect(syncToursQuery([tour("a"), tour("b")]).cypher).toBe(syncToursQuery([]).cypher);
  });

  it("keys each step by its tour and position, so a reload finds the same nodes", () => {
    const { params } = syncToursQuery([tour("a"), tour("b")]);
    expect(params["stepKeys"]).toEqual(["a#1", "b#1"]);
    expect(params["tourIds"]).toEqual(["a", "b"]);
  });
});

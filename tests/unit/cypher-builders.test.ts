import { describe, expect, it } from "vitest";
import { conceptPageQuery } from "../../src/neo4j/cypher/concept-page.query.js";
import { linksQuery } from "../../src/neo4j/cypher/links.query.js";
import { neighborhoodQuery } from "../../src/neo4j/cypher/neighborhood.query.js";
import { pathsQuery } from "../../src/neo4j/cypher/path.query.js";
import { hopRange } from "../../src/neo4j/cypher/projections.cypher.js";
import { searchCandidatesQuery } from "../../src/neo4j/cypher/search-candidates.query.js";

const HOSTILE = "x' }) DETACH DELETE n //";

describe("Cypher builders", () => {
  it("carry user values only as parameters, never in the statement text", () => {
    const queries = [
      conceptPageQuery({ filter: { text: HOSTILE, ids: [HOSTILE], xrefCurie: HOSTILE, dataset: HOSTILE, hasRelation: { type: null, direction: "both", otherId: HOSTILE } }, order: "NAME_ASC", forward: true, limit: 5, cursor: [HOSTILE, HOSTILE] }),
      linksQuery([{ conceptId: HOSTILE, direction: "both", types: null, kinds: null, context: null }]),
      pathsQuery({ from: HOSTILE, to: HOSTILE, types: ["CAUSES"], maxHops: 3, directed: true, limit: 5 }),
      neighborhoodQuery({ conceptId: HOSTILE, depth: 2, direction: "both", types: null, kinds: null }),
    ];
    for (const q of queries) {
      expect(q.cypher).not.toContain(HOSTILE);
      expect(JSON.stringify(q.params)).toContain("DETACH DELETE");
    }
  });

  it("build the same statement text whatever the values, so Neo4j can cache the plan", () => {
    const a = pathsQuery({ from: "a", to: "b", types: ["CAUSES"], maxHops: 6, directed: true, limit: 5 });
    const b = pathsQuery({ from: "c", to: "d", types: ["PRECEDES", "CAUSES"], maxHops: 6, directed: true, limit: 50 });
    expect(a.cypher).toBe(b.cypher);
  });

  it("take hop bounds from a fixed table and refuse anything outside it", () => {
    expect(hopRange(8)).toBe("*1..8");
    expect(() => hopRange(0)).toThrow(RangeError);
    expect(() => hopRange(2.5)).toThrow(RangeError);
    expect(() => neighborhoodQuery({ conceptId: "a", depth: 4, direction: "both", types: null, kinds: null })).toThrow(RangeError);
  });

  it("pass search terms to Lucene as escaped literals, never as syntax", () => {
    expect(searchCandidatesQuery({ terms: ["pain OR *"], kinds: null, limit: 10 }).params["lucene"]).toBe("pain\\ OR\\ \\* OR pain\\ OR\\ \\** OR pain\\ OR\\ \\*~2");
  });
});

import { describe, expect, it } from "vitest";
import { evidenceFilterKey, evidenceMatches, normaliseEvidenceFilter, relationPasses } from "../../src/domain/evidence-filter.js";
import { evidenceByRelationIdsQuery } from "../../src/neo4j/cypher/evidence.query.js";
import { linksQuery } from "../../src/neo4j/cypher/links.query.js";
import { neighborhoodQuery } from "../../src/neo4j/cypher/neighborhood.query.js";
import { pathsQuery, rootPathsQuery, shortestPathsQuery } from "../../src/neo4j/cypher/path.query.js";
import { reachQuery } from "../../src/neo4j/cypher/reach.query.js";
import { treatmentOptionsQuery } from "../../src/neo4j/cypher/treatment-options.query.js";

const stated = { sourceId: "article", citedSourceId: null, knowledgeLevel: "knowledge_assertion", agentType: "manual_agent" } as const;
const cited = { ...stated, citedSourceId: "clinic" } as const;
const inferred = { ...stated, knowledgeLevel: "logical_entailment" } as const;

describe("evidence filter", () => {
  it("matches a record only when every given criterion holds", () => {
    const filter = normaliseEvidenceFilter({ sources: ["article"], knowledgeLevels: ["knowledge_assertion"] });
    expect(evidenceMatches(filter, stated)).toBe(true);
    expect(evidenceMatches(filter, inferred)).toBe(false);
    expect(evidenceMatches(normaliseEvidenceFilter({ agentTypes: ["automated_agent"] }), stated)).toBe(false);
  });

  it("matches a source id against the record's own source or the source it cites", () => {
    const clinic = normaliseEvidenceFilter({ sources: ["clinic"] });
    expect(evidenceMatches(clinic, cited)).toBe(true);
    expect(evidenceMatches(clinic, stated)).toBe(false);
  });

  it("passes a relation when at least one of its records matches, and everything without a filter", () => {
    const assertion = normaliseEvidenceFilter({ knowledgeLevels: ["knowledge_assertion"] });
    expect(relationPasses(assertion, [inferred, stated])).toBe(true);
    expect(relationPasses(assertion, [inferred])).toBe(false);
    expect(relationPasses(null, [])).toBe(true);
  });

  it("treats a filter with no criteria as none, and gives equal filters one cache key", () => {
    expect(normaliseEvidenceFilter({})).toBeNull();
    const a = normaliseEvidenceFilter({ sources: ["b", "a", "a"] });
    const b = normaliseEvidenceFilter({ sources: ["a", "b"] });
    expect(evidenceFilterKey(a)).toBe(evidenceFilterKey(b));
    expect(evidenceFilterKey(a)).not.toBe(evidenceFilterKey(null));
  });
});

describe("evidence filter in Cypher", () => {
  const HOSTILE = "x' }) DETACH DELETE n //";
  const filter = normaliseEvidenceFilter({ sources: [HOSTILE] });

  it("carries filter values only as parameters, in every builder that takes one", () => {
    const queries = [
      linksQuery([{ conceptId: "a", direction: "both", types: null, kinds: null, context: null, evidence: filter }]),
      pathsQuery({ from: "a", to: "b", types: ["CAUSES"], maxHops: 3, directed: true, limit: 5, evidence: filter }),
      shortestPathsQuery({ from: "a", to: "b", types: ["CAUSES"], maxHops: 3, directed: false, evidence: filter }),
      rootPathsQuery({ to: "b", types: ["CAUSES"], maxHops: 3, limit: 5, context: null, evidence: filter }),
      neighborhoodQuery({ conceptId: "a", depth: 2, direction: "both", types: null, kinds: null, evidence: filter }),
      reachQuery([{ conceptId: "a", direction: "upstream", types: ["CAUSES"], kinds: null, maxDepth: 3, evidence: filter }]),
      treatmentOptionsQuery(["a"], filter),
      evidenceByRelationIdsQuery(["r"], filter),
    ];
    for (const q of queries) {
      expect(q.cypher).not.toContain(HOSTILE);
      expect(JSON.stringify(q.params)).toContain("DETACH DELETE");
    }
  });

  it("tests every relation of a variable-length walk against the allowed set, inside the walk's own predicate", () => {
    const q = pathsQuery({ from: "a", to: "b", types: ["CAUSES"], maxHops: 3, directed: true, limit: 5, evidence: filter });
    expect(q.cypher).toMatch(/all\(r IN rels WHERE type\(r\) IN \$types AND r\.id IN allowed\)/);
    expect(q.cypher.indexOf("AS allowed")).toBeLessThan(q.cypher.indexOf("MATCH p ="));
  });

  it("leaves the unfiltered statements free of any evidence lookup", () => {
    const q = pathsQuery({ from: "a", to: "b", types: ["CAUSES"], maxHops: 3, directed: true, limit: 5 });
    expect(q.cypher).not.toContain("Evidence");
    expect(reachQuery([{ conceptId: "a", direction: "upstream", types: ["CAUSES"], kinds: null, maxDepth: 3 }]).cypher).not.toContain("Evidence");
  });
});

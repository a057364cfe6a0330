import { describe, expect, it } from "vitest";
import { compileReadPlan, compiledShapeCount } from "../../src/neo4j/cypher/read-plan.compiler.js";
import { EVIDENCE_ONLY, RECORD_ONLY, type ConceptPlan, type ConceptSelection, type PathsPlan } from "../../src/plan/read-plan.js";

const leaf: ConceptSelection = { properties: ["id", "kind", "name"], links: [] };
const overview = (id: string, context: "at_rest" | null): ConceptPlan => ({
  root: "concept",
  id,
  select: {
    properties: ["id", "kind", "name"],
    links: [
      { link: "view", key: "symptoms", parentKinds: ["condition"], evidence: null, view: "conditionSymptoms", context, select: { properties: ["id", "kind", "name"], links: [{ link: "view", key: "relievedBy", parentKinds: null, evidence: null, view: "relievedBy", context, select: leaf }] } },
      { link: "view", key: "causes", parentKinds: ["condition"], evidence: null, view: "upstreamCauses", context: null, select: leaf },
      { link: "treatmentOptions", key: "treatments", parentKinds: ["condition"], evidence: null, treatment: leaf, target: leaf, relation: RECORD_ONLY },
    ],
  },
});

describe("read plan compiler", () => {
  it("compiles a plan shape once: other ids and contexts reuse the statement and travel as parameters", () => {
    const first = compileReadPlan(overview("back-muscle-spasm", null));
    const before = compiledShapeCount();
    const second = compileReadPlan(overview("muscle-spasm", "at_rest"));
    expect(second.cypher).toBe(first.cypher);
    expect(compiledShapeCount()).toBe(before);
    expect(second.params).toMatchObject({ id: "muscle-spasm", l0: { contexts: ["at_rest"], parentKinds: ["condition"] }, l1: { contexts: ["at_rest"] } });
    expect(first.params).toMatchObject({ id: "back-muscle-spasm", l0: { contexts: null } });
  });

  it("compiles a new statement for a new shape", () => {
    const before = compiledShapeCount();
    const plan = overview("x", null);
    const wider: ConceptPlan = { ...plan, select: { ...plan.select, properties: ["id", "kind", "name", "summary", "xrefs"] } };
    const compiled = compileReadPlan(wider);
    expect(compiledShapeCount()).toBe(before + 1);
    expect(compiled.cypher).toContain(".summary");
    expect(compiled.cypher).toContain("HAS_XREF");
  });

  it("projects only the selected properties", () => {
    const { cypher } = compileReadPlan(overview("x", null));
    for (const unselected of [".summary", ".synonyms", ".modality", ".urgency", "HAS_XREF", "MENTIONED_IN"]) expect(cypher).not.toContain(unselected);
  });

  it("never puts a value into the statement text", () => {
    const hostile = `x'}) DETACH DELETE (n) //`;
    const paths: PathsPlan = {
      root: "paths",
      request: { from: hostile, to: "y", types: ["CAUSES"], maxHops: 6, directed: true, limit: 10, evidence: null },
      nodes: leaf,
      relations: { evidenceLists: [{ key: "evidence", evidence: null, select: EVIDENCE_ONLY }], ends: [] },
    };
    for (const q of [compileReadPlan(overview(hostile, "at_rest")), compileReadPlan(paths)]) {
      expect(q.cypher).not.toContain(hostile);
      expect(q.cypher).not.toContain("at_rest");
    }
    expect(compileReadPlan(paths).params).toMatchObject({ from: hostile, to: "y", take: 11, types: ["CAUSES"] });
  });

  it("keeps the cache bounded", () => {
    for (let i = 0; i < 600; i++) {
      const props = ["id", "kind", "name"] as const;
      compileReadPlan({ root: "paths", request: { from: "a", to: "b", types: ["CAUSES"], maxHops: 1 + (i % 8), directed: i % 2 === 0, limit: 10, evidence: null }, nodes: { properties: props, links: [] }, relations: { evidenceLists: i % 3 === 0 ? [] : [{ key: `k${i}`, evidence: null, select: EVIDENCE_ONLY }], ends: [] } });
    }
    expect(compiledShapeCount()).toBeLessThanOrEqual(500);
  });
});

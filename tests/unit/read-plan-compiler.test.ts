import { describe, expect, it } from "vitest";
import { MAX_PLANS_PER_STATEMENT, compileReadPlan, compileReadPlans, compiledShapeCount } from "../../src/neo4j/cypher/read-plan.compiler.js";
import type { EvidenceFilter } from "../../src/domain/evidence-filter.js";
import { RELATION_TYPES } from "../../src/domain/relation-type.js";
import { EVIDENCE_ONLY, RECORD_ONLY, type ConceptPlan, type ConceptSelection, type PathsPlan, type ReadPlan, type RelationPlan, type RelationSelection } from "../../src/plan/read-plan.js";

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

describe("read plan compiler: relations, filters and the other roots", () => {
  const FILTER: EvidenceFilter = { sources: ["cedars-sinai"], knowledgeLevels: null, agentTypes: null };
  const withCauses = (parentKinds: readonly "condition"[] | null, evidence: EvidenceFilter | null): ConceptPlan => ({
    root: "concept",
    id: "x",
    select: { properties: ["id", "kind", "name"], links: [{ link: "view", key: "causes", parentKinds, evidence, view: "causedBy", context: null, select: leaf }] },
  });

  it("compiles one statement whatever a filter's values, and another when a link is filtered at all", () => {
    const cedars = compileReadPlan(withCauses(null, FILTER));
    const other = compileReadPlan(withCauses(null, { sources: ["back-spasm-article"], knowledgeLevels: ["knowledge_assertion"], agentTypes: null }));
    expect(other.cypher).toBe(cedars.cypher);
    expect(other.params).toMatchObject({ l0: { evidence: { sources: ["back-spasm-article"], levels: ["knowledge_assertion"], agents: null } }, checkSources: ["back-spasm-article"] });
    const unfiltered = compileReadPlan(withCauses(null, null));
    expect(unfiltered.cypher).not.toBe(cedars.cypher);
    expect(unfiltered.cypher).not.toContain(":Evidence");
    expect(unfiltered.params).toMatchObject({ l0: { evidence: null }, checkSources: [] });
  });

  it("keeps a link's kind check whichever of two plans differing only in it was compiled first", () => {
    const unchecked = withCauses(null, null);
    const checked = withCauses(["condition"], null);
    for (const [first, second] of [[unchecked, checked], [checked, unchecked]] as const) {
      compileReadPlan(first);
      expect(compileReadPlan(checked).cypher).toContain("c.kind IN $l0.parentKinds");
      expect(compileReadPlan(unchecked).cypher).not.toContain("parentKinds");
      compileReadPlan(second);
    }
  });

  it("checks every source a plan's filters name, each once, from the root to nested evidence lists", () => {
    const relations: RelationSelection = { evidenceLists: [{ key: "e", evidence: { sources: ["b", "a"], knowledgeLevels: null, agentTypes: null }, select: EVIDENCE_ONLY }], ends: [] };
    const paths: PathsPlan = { root: "paths", request: { from: "x", to: "y", types: ["CAUSES"], maxHops: 3, directed: true, limit: 5, evidence: { sources: ["a", "c"], knowledgeLevels: null, agentTypes: null } }, nodes: leaf, relations };
    const { cypher, params } = compileReadPlan(paths);
    expect([...(params["checkSources"] as string[])].sort()).toEqual(["a", "b", "c"]);
    expect(cypher).toContain("UNWIND $checkSources");
  });

  it("finds a relation by id through each relation type's index, never an untyped relationship", () => {
    const plan: RelationPlan = { root: "relation", id: "r", select: { evidenceLists: [{ key: "evidence", evidence: null, select: { sources: true, relations: [{ key: "relation", select: RECORD_ONLY }] } }], ends: [] } };
    const { cypher } = compileReadPlan(plan);
    const lookups = [...cypher.matchAll(/MATCH \(\)-\[(\w+)(:[A-Z_|]+)?\]->\(\)/g)];
    expect(lookups.length).toBe(2);
    for (const [, , types] of lookups) expect(types).toBe(`:${RELATION_TYPES.join("|")}`);
  });

  it("never puts a value into the statement text, whichever root", () => {
    const hostile = `x'}) DETACH DELETE (n) //`;
    const filter = { sources: [hostile], knowledgeLevels: null, agentTypes: null };
    const plans: ReadPlan[] = [
      { root: "relation", id: hostile, select: { evidenceLists: [{ key: "e", evidence: filter, select: EVIDENCE_ONLY }], ends: [] } },
      { root: "explain", request: { to: hostile, types: ["CAUSES"], maxHops: 4, limit: 3, context: "at_rest", evidence: filter }, concepts: leaf, relations: RECORD_ONLY },
      { root: "searchAll", request: { terms: [hostile], targets: ["concept", "source", "evidence"], limit: 20 }, claims: EVIDENCE_ONLY },
      { root: "tours", ids: [hostile], concepts: leaf, relations: RECORD_ONLY },
      { root: "neighborhood", request: { conceptId: hostile, depth: 2, direction: "both", types: null, kinds: null, evidence: filter }, center: leaf, nodes: leaf },
    ];
    for (const plan of plans) {
      const { cypher } = compileReadPlan(plan);
      expect(cypher, plan.root).not.toContain(hostile);
      expect(cypher, plan.root).not.toContain("at_rest");
    }
  });
});

describe("read plan compiler: several plans in one statement", () => {
  const concept = (id: string): ConceptPlan => ({ root: "concept", id, select: leaf });
  const relation: RelationPlan = { root: "relation", id: "r", select: RECORD_ONLY };

  it("puts each plan in its own subquery, its parameters under its own prefix, and answers a<i> for the i-th", () => {
    const one = compileReadPlan(concept("a"));
    const both = compileReadPlans([concept("a"), relation]);
    expect(both.params).toMatchObject({ p0_id: "a", p1_id: "r", p0_checkSources: [], p1_checkSources: [] });
    expect(Object.keys(both.params).every((k) => /^p[01]_/.test(k))).toBe(true);
    expect(both.cypher).toContain(one.cypher.replace(/\$(\w+)/g, "$p0_$1"));
    expect(both.cypher).not.toMatch(/\$(?!p[01]_)\w/);
    expect(both.cypher.trimEnd().endsWith("RETURN a0, a1")).toBe(true);
    expect(compileReadPlans([concept("b"), relation]).cypher).toBe(both.cypher);
  });

  it("refuses more plans than one statement may hold", () => {
    expect(() => compileReadPlans(Array.from({ length: MAX_PLANS_PER_STATEMENT + 1 }, (_, i) => concept(`c${i}`)))).toThrow(RangeError);
    expect(() => compileReadPlans([])).toThrow(RangeError);
  });
});

import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode, Kind, getVariableValues, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGraphSchema } from "../../src/graphql/schema.builder.js";
import { conceptSelectionOf, planConcept } from "../../src/graphql/planning/read-plan.builder.js";
import { explainSelectionOf, relationSelectionOf, searchAllSelectionOf, tourSelectionOf } from "../../src/graphql/planning/root-selections.js";
import { ALL_PROPERTIES, FULL_SELECTION, RECORD_ONLY, type ConceptSelection, type LinkPlan, type ViewLinkPlan } from "../../src/plan/read-plan.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphSchema();
});

/** The selection the planner builds for the root `concept` field of `query`. */
function plan(query: string, inputs: Record<string, unknown> = {}): ConceptSelection {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (op === undefined) throw new Error("no operation");
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], inputs);
  if (coerced.errors !== undefined) throw new Error(coerced.errors.map((e) => e.message).join("; "));
  const root = op.selectionSet.selections[0] as FieldNode;
  return planConcept({ schema, fragments, variables: coerced.coerced }, [root], schema.getType("Concept"), null);
}

const link = (select: ConceptSelection, key: string, kind?: string): LinkPlan => {
  const found = select.links.find((l) => l.key === key && (kind === undefined || l.parentKinds === null || l.parentKinds.includes(kind as never)));
  if (found === undefined) throw new Error(`no link ${key}: ${JSON.stringify(select.links.map((l) => l.key))}`);
  return found;
};
const view = (select: ConceptSelection, key: string, kind?: string): ViewLinkPlan => link(select, key, kind) as ViewLinkPlan;

describe("read plan builder", () => {
  it("plans each alias of a field as its own link with its own selection", () => {
    const s = plan(`{ concept(id: "x") { a: causedBy { id } b: causedBy { name summary } } }`);
    expect(s.links.map((l) => [l.key, l.link === "view" ? l.view : l.link, l.parentKinds])).toEqual([
      ["a", "causedBy", null],
      ["b", "causedBy", null],
    ]);
    expect(view(s, "a").select.properties).toEqual(["id", "kind", "name"]);
    expect(view(s, "b").select.properties).toEqual(["id", "kind", "name", "summary"]);
  });

  it("projects only the selected properties, plus identity, kind and the name every order needs", () => {
    const s = plan(`{ concept(id: "x") { biolinkCategory xrefs { curie } ... on Treatment { modality } } }`);
    expect(s.properties).toEqual(["id", "kind", "name", "modality", "xrefs"]);
    expect(s.links).toEqual([]);
  });

  it("limits links from inline fragments to the kinds of their type, and merges fields shared by kinds", () => {
    const s = plan(`{ concept(id: "x") { ... on Condition { symptoms { id } } ... on Symptom { conditions { id } } ... on Cause { conditions { id } } ... on Mechanism { conditions { id } } } }`);
    expect(view(s, "symptoms").parentKinds).toEqual(["condition"]);
    expect(view(s, "conditions", "symptom")).toMatchObject({ view: "symptomConditions", parentKinds: ["symptom"] });
    expect(view(s, "conditions", "cause")).toMatchObject({ view: "downstreamConditions", parentKinds: ["cause", "mechanism"] });
  });

  it("follows named fragments and applies @skip and @include from variables", () => {
    const query = `query ($skip: Boolean!, $with: Boolean!) {
      concept(id: "x") { ...Causes leadsTo @skip(if: $skip) { id } broader @include(if: $with) { id } } }
      fragment Causes on Condition { causes { id name } }`;
    expect(plan(query, { skip: true, with: false }).links.map((l) => l.key)).toEqual(["causes"]);
    expect(plan(query, { skip: false, with: true }).links.map((l) => l.key).sort()).toEqual(["broader", "causes", "leadsTo"]);
  });

  it("gives nested fields the context their parent was reached in unless they name their own, as contextual-concept does", () => {
    const s = plan(
      `query ($ctx: SymptomContext) { concept(id: "x") { ... on Condition { symptoms(context: $ctx) { ... on Symptom {
        relievedBy { id } aggravatedBy(context: DURING_MOVEMENT) { id } location { id }
        conditions { ... on Condition { symptoms { id } causes { id } } } } } } } }`,
      { ctx: "AT_REST" },
    );
    const symptoms = view(s, "symptoms");
    expect(symptoms.context).toBe("at_rest");
    expect(view(symptoms.select, "relievedBy").context).toBe("at_rest");
    expect(view(symptoms.select, "aggravatedBy").context).toBe("during_movement");
    // A field without a context argument answers in none.
    expect(view(symptoms.select, "location").context).toBeNull();
    const conditions = view(symptoms.select, "conditions");
    expect(conditions.context).toBe("at_rest");
    expect(view(conditions.select, "symptoms").context).toBe("at_rest");
    expect(view(conditions.select, "causes").context).toBeNull();
  });

  it("passes no context on through a transitive view", () => {
    const s = plan(`{ concept(id: "x") { ... on Condition { symptoms(context: AT_REST) { ... on Symptom { conditions { ... on Condition { causes { ... on Cause { conditions { ... on Condition { symptoms { id } } } } } } } } } } } }`);
    const causes = view(view(view(s, "symptoms").select, "conditions").select, "causes");
    const downstream = view(causes.select, "conditions");
    expect(view(downstream.select, "symptoms").context).toBeNull();
  });

  it("plans a field's evidence filter, normalised, and leaves an invalid filter to its resolver", () => {
    const s = plan(`{ concept(id: "x") { id causedBy(evidence: { sources: ["b", "a", "b"], knowledgeLevels: [KNOWLEDGE_ASSERTION] }) { id } leadsTo { id } } }`);
    expect(s.links.map((l) => [l.key, l.evidence])).toEqual([
      ["causedBy", { sources: ["a", "b"], knowledgeLevels: ["knowledge_assertion"], agentTypes: null }],
      ["leadsTo", null],
    ]);
    expect(s.properties).toEqual(["id", "kind", "name"]);
    const empty = plan(`{ concept(id: "x") { causedBy(evidence: { knowledgeLevels: [] }) { id } leadsTo(evidence: {}) { id } } }`);
    expect(empty.links.map((l) => [l.key, l.evidence])).toEqual([["leadsTo", null]]);
    expect(empty.properties).toEqual(ALL_PROPERTIES);
  });

  it("leaves fields it does not know to their resolvers, which then see whole records", () => {
    const paged = plan(`{ concept(id: "x") { relations(first: 2) { totalCount } narrower { id } } }`);
    expect(paged.properties).toEqual(ALL_PROPERTIES);
    expect(paged.links.map((l) => l.key)).toEqual(["narrower"]);
  });

  it("reads a treatment once for a treatment option and its actsOn entries, with the relations' evidence lists", () => {
    const s = plan(`{ concept(id: "x") { ... on Condition { treatments { treatment { summary } actsOn { treatment { synonyms } target { name } relation { type proof: evidence { claim } evidence(evidence: { sources: ["a"] }) { claim } } } } } } }`);
    const options = link(s, "treatments");
    if (options.link !== "treatmentOptions") throw new Error("expected treatment options");
    expect(options.treatment.properties).toEqual(["id", "kind", "name", "synonyms", "summary"]);
    expect(options.relation.evidenceLists.map((l) => [l.key, l.evidence])).toEqual([
      ["proof", null],
      ["evidence", { sources: ["a"], knowledgeLevels: null, agentTypes: null }],
    ]);
  });

  it("adds what an intervention's target selects to the concept itself, which is that target", () => {
    const s = plan(`{ concept(id: "x") { interventions(context: AT_REST) { treatment { name } target { summary } relation { type } } } }`);
    expect(s.properties).toEqual(["id", "kind", "name", "summary"]);
    expect(link(s, "interventions")).toMatchObject({ link: "interventions", context: "at_rest" });
    const nested = plan(`{ concept(id: "x") { interventions { target { causedBy { id } } } } }`);
    expect(nested.links).toEqual([]);
    expect(nested.properties).toEqual(ALL_PROPERTIES);
  });

  it("plans a root field once per document node and variable set", () => {
    const doc = parse(`query ($ctx: SymptomContext) { concept(id: "x") { ... on Condition { symptoms(context: $ctx) { id } } } }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const info = (ctx: string | null) =>
      ({ schema, fragments: {}, variableValues: { ctx }, fieldNodes: [op.selectionSet.selections[0]], returnType: schema.getType("Concept") }) as never;
    const first = conceptSelectionOf(info("at_rest"));
    expect(conceptSelectionOf(info("at_rest"))).toBe(first);
    const other = conceptSelectionOf(info("during_exercise"));
    expect(other).not.toBe(first);
    expect(view(other, "symptoms").context).toBe("during_exercise");
    expect(view(first, "symptoms").context).toBe("at_rest");
  });
});

/** A resolver's info for the first root field of `query`, as graphql-js builds it. */
function rootInfo(query: string, inputs: Record<string, unknown> = {}): GraphQLResolveInfo {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const root = op.selectionSet.selections[0] as FieldNode;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], inputs);
  const returnType = schema.getQueryType()?.getFields()[root.name.value]?.type;
  return { schema, fragments: {}, variableValues: coerced.coerced ?? {}, fieldNodes: [root], returnType } as never;
}

describe("read plan builder: the other roots", () => {
  it("plans a relation's evidence lists (each with its filter, sources and relation) and ends, leaving an invalid filter to its resolver", () => {
    const s = relationSelectionOf(
      rootInfo(`{ relation(id: "r") { type from { name ... on Condition { causes { id } } }
        evidence { claim source { title } } cited: evidence(evidence: { sources: ["x"] }) { locator { quote } relation { id to { summary } } }
        empty: evidence(evidence: { knowledgeLevels: [] }) { id } plain: evidence { claim locator { start } } } }`),
    );
    expect(s.ends.map((e) => [e.key, e.end, e.select.properties, e.select.links.map((l) => l.key)])).toEqual([["from", "from", ["id", "kind", "name"], ["causes"]]]);
    expect(s.evidenceLists.map((l) => [l.key, l.evidence?.sources ?? null, l.select.sources, l.select.relations.map((r) => r.key)])).toEqual([
      ["evidence", null, true, []],
      ["cited", ["x"], true, ["relation"]],
      ["plain", null, false, []],
    ]);
    expect(s.evidenceLists[1]?.select.relations[0]?.select.ends.map((e) => [e.end, e.select.properties])).toEqual([["to", ["id", "kind", "name", "summary"]]]);
  });

  it("reads every concept and relation of an explanation with the union of their positions, and whole records for an export", () => {
    const s = explainSelectionOf(
      rootInfo(`{ explain(id: "x") { truncated target { summary } chains { hops root { synonyms }
        steps { concept { causedBy { id } } relationToNext { evidence { id } } interventions { treatment { name } target { xrefs { curie } } viaRelation { from { id } } } } } } }`),
    );
    expect(s.concepts.properties).toEqual(["id", "kind", "name", "synonyms", "summary", "xrefs"]);
    expect(s.concepts.links.map((l) => l.key)).toEqual(["causedBy"]);
    expect(s.relations.evidenceLists.map((l) => l.key)).toEqual(["evidence"]);
    expect(s.relations.ends.map((e) => e.key)).toEqual(["from"]);
    const exported = explainSelectionOf(rootInfo(`{ explain(id: "x") { chains { root { id } } export(format: CSV) { name } } }`));
    expect(exported).toEqual({ concepts: FULL_SELECTION, relations: RECORD_ONLY });
  });

  it("plans what search hits show of claims, and what tour steps show", () => {
    const hits = searchAllSelectionOf(
      rootInfo(`{ searchAll(text: "x") { score ... on EvidenceHit { evidence { claim citedSource { id } relation { id } } } ... on ConceptHit { concept { causedBy { id } } } } }`),
    );
    expect(hits).toEqual({ sources: true, relations: [{ key: "relation", select: RECORD_ONLY }] });
    const tours = tourSelectionOf(rootInfo(`{ tours { id steps { title focus { summary } concepts { id } shown: relations { id evidence { id } } } } }`));
    expect(tours.stepFields).toEqual([
      { key: "focus", field: "focus" },
      { key: "concepts", field: "concepts" },
      { key: "shown", field: "relations" },
    ]);
    expect(tours.concepts?.properties).toEqual(["id", "kind", "name", "summary"]);
    expect(tours.relations?.evidenceLists.map((l) => l.key)).toEqual(["evidence"]);
    expect(tourSelectionOf(rootInfo(`{ tours { id title stepCount } }`))).toEqual({ concepts: null, relations: null, stepFields: [] });
  });
});

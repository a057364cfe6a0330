import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCEPT_KINDS } from "../../src/domain/concept-kind.js";
import { conceptSortKey } from "../../src/domain/concept-sort-key.js";
import { AGENT_TYPES, KNOWLEDGE_LEVELS } from "../../src/domain/evidence.js";
import { CAUSAL_RELATION_TYPES, RELATION_TYPES } from "../../src/domain/relation-type.js";
import { gql, type GraphQLResponse } from "../support/graphql-client.js";
import { useBothBackendApis } from "../support/both-backends.js";
import { curatedGraph, noNeo4j } from "../support/neo4j-test-env.js";

/**
 * Random but valid questions, asked of both backends over HTTP: the JSON must be identical. Ids,
 * names and cross-references come from the curated graph, so most questions have non-trivial answers.
 * Set FC_SEED to replay a run; fast-check prints the seed and path of any counterexample.
 */

const graph = await curatedGraph();
const FC_SEED = process.env["FC_SEED"] === undefined ? undefined : Number(process.env["FC_SEED"]);
if (FC_SEED !== undefined) console.log(`backend parity properties use FC_SEED=${FC_SEED}`);
const runs = (numRuns: number) => ({ numRuns, ...(FC_SEED === undefined ? {} : { seed: FC_SEED }) });

type Execute = (query: string, variables: Record<string, unknown>) => Promise<GraphQLResponse>;
/** A question that may take several dependent round trips (pages); it returns everything it saw. */
type Scenario = (execute: Execute) => Promise<unknown[]>;

// ---- arbitraries over the real graph ----------------------------------------------------------

const ids = graph.concepts.map((c) => c.id);
const causalRelations = graph.relations.filter((r) => CAUSAL_RELATION_TYPES.includes(r.type));
/** Pairs (a, b) with b downstream of a within 8 causal hops, so most pathway questions have answers. */
const causallyConnected: [string, string][] = ids.flatMap((from) => {
  const seen = new Set([from]);
  let frontier = [from];
  for (let hop = 0; hop < 8; hop++) {
    frontier = causalRelations.filter((r) => frontier.includes(r.from) && !seen.has(r.to)).map((r) => r.to);
    for (const id of frontier) seen.add(id);
  }
  return [...seen].filter((to) => to !== from).map((to): [string, string] => [from, to]);
});
const explainable = graph.concepts.filter((c) => c.kind === "symptom" || c.kind === "condition").map((c) => c.id);

const conceptId = fc.constantFrom(...ids);
const distinctPair = (from: fc.Arbitrary<string>, to: fc.Arbitrary<string>) => fc.tuple(from, to).filter(([a, b]) => a !== b);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const someOf = <T>(values: readonly T[]) => optional(fc.subarray([...values], { minLength: 1 }));
const kinds = someOf(CONCEPT_KINDS.map((k) => k.toUpperCase()));
const relationTypes = someOf(RELATION_TYPES);
const direction = optional(fc.constantFrom("BOTH", "INCOMING", "OUTGOING"));
/** Provenance filters over the real sources and every Biolink level and agent type, most of which match nothing. */
const evidence = optional(
  fc.record({
    sources: someOf(graph.sources.map((s) => s.id)),
    knowledgeLevels: someOf(KNOWLEDGE_LEVELS.map((l) => l.toUpperCase())),
    agentTypes: fc.option(fc.subarray(["MANUAL_AGENT", ...AGENT_TYPES.map((a) => a.toUpperCase()).filter((a) => a !== "MANUAL_AGENT")], { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 3 }),
  }),
);

const phrases = graph.concepts.flatMap((c) => [c.name, ...c.synonyms]);
const typo = fc.record({
  op: fc.constantFrom("substitute", "delete", "insert", "swap"),
  at: fc.nat(),
  letter: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
});

/** A typo applied at a position within the text (wrapped), keeping it at least one character long. */
function applyTypo(text: string, t: { op: string; at: number; letter: string }): string {
  const i = t.at % text.length;
  if (t.op === "substitute") return text.slice(0, i) + t.letter + text.slice(i + 1);
  if (t.op === "delete") return text.length > 1 ? text.slice(0, i) + text.slice(i + 1) : text;
  if (t.op === "insert") return text.slice(0, i) + t.letter + text.slice(i);
  return i + 1 < text.length ? text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2) : text;
}

/** Search text: one to three consecutive words of a name or synonym, with small typos and case changes. */
const searchText = fc
  .record({
    phrase: fc.constantFrom(...phrases),
    start: fc.nat(),
    words: fc.integer({ min: 1, max: 3 }),
    typos: fc.array(typo, { maxLength: 2 }),
    upper: fc.array(fc.nat(), { maxLength: 4 }),
  })
  .map(({ phrase, start, words, typos, upper }) => {
    const all = phrase.split(/\s+/);
    const from = start % all.length;
    let text = all.slice(from, from + words).join(" ");
    for (const t of typos) text = applyTypo(text, t);
    for (const u of upper) {
      const i = u % text.length;
      text = text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
    }
    return /[\p{L}\p{N}]/u.test(text) ? text : phrase;
  });

/** Search-everything text: words of concept names, source titles, kinds and descriptions, and claims, with typos. */
const recordPhrases = [
  ...phrases,
  ...graph.sources.flatMap((s) => [s.title, s.kind, s.description]),
  ...graph.relations.flatMap((r) => r.evidence.map((e) => e.claim)),
];
const searchAllText = fc
  .record({ phrase: fc.constantFrom(...recordPhrases), start: fc.nat(), words: fc.integer({ min: 1, max: 3 }), typos: fc.array(typo, { maxLength: 2 }) })
  .map(({ phrase, start, words, typos }) => {
    const all = phrase.split(/\s+/);
    const from = start % all.length;
    let text = all.slice(from, from + words).join(" ");
    for (const t of typos) text = applyTypo(text, t);
    return /[\p{L}\p{N}]/u.test(text) ? text : phrase;
  });

/** Filter text: a piece of a lower-cased name or synonym, in random case. */
const filterText = fc
  .record({ phrase: fc.constantFrom(...phrases), start: fc.nat(), length: fc.integer({ min: 1, max: 8 }), upper: fc.boolean() })
  .map(({ phrase, start, length, upper }) => {
    const key = conceptSortKey(phrase);
    const from = start % key.length;
    const piece = key.slice(from, from + length).trim() || key;
    return upper ? piece.toUpperCase() : piece;
  });

const curies = [...new Set(graph.concepts.flatMap((c) => c.xrefs.map((x) => x.curie)))];
const xref = fc.oneof(fc.constantFrom(...curies), fc.constantFrom("MESH", "HP", "UBERON", "DRUGBANK", "mesh", "hp"));

const conceptFilter = fc.record({
  ids: optional(fc.subarray(ids, { minLength: 1, maxLength: 12 })),
  kinds,
  text: optional(filterText),
  xref: optional(xref),
  hasRelation: optional(fc.record({ type: optional(fc.constantFrom(...RELATION_TYPES)), direction, to: optional(conceptId) })),
  dataset: optional(fc.constantFrom("back-muscle-spasm", "another-dataset")),
});

// ---- selections -------------------------------------------------------------------------------

const RELATION = `id type evidenceCount dataset biolinkPredicate predicateMatch ownPredicate
  from { id } to { id }
  qualifiers { context frequency onset severity appliesWhen timing }
  evidence { id claim knowledgeLevel agentType source { id } citedSource { id } locator { start end section { id label } } }
  filteredEvidence: evidence(evidence: $evidence) { id }`;
const INTERVENTION = "treatment { id name } relation { id type } target { id } viaRelation { id }";
const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const RELATION_PAGE = `totalCount ${PAGE_INFO} edges { cursor direction neighbor { id kind } node { ${RELATION} } }`;

const CONCEPT_QUERY = `query($id: ID!, $first: Int, $direction: RelationDirection, $types: [RelationType!], $context: SymptomContext, $evidence: EvidenceFilter) {
  concept(id: $id) {
    __typename id kind name synonyms summary dataset biolinkCategory
    xrefs { prefix id curie match url vocabulary }
    mentions { start end source { id } section { id heading } }
    broader { id } narrower { id } causedBy { id name } leadsTo { id name }
    interventions { ${INTERVENTION} }
    inContext: interventions(context: $context) { ${INTERVENTION} }
    relations(first: $first, direction: $direction, types: $types) { ${RELATION_PAGE} }
    filtered: relations(first: $first, direction: $direction, types: $types, evidence: $evidence) { totalCount edges { node { id } } }
    filteredLinks: causedBy(evidence: $evidence) { id } filteredLeadsTo: leadsTo(evidence: $evidence) { id }
    filteredInterventions: interventions(evidence: $evidence) { ${INTERVENTION} }
    ... on Condition { filteredSymptoms: symptoms(context: $context, evidence: $evidence) { id } filteredCauses: causes(evidence: $evidence) { id }
      filteredTreatments: treatments(evidence: $evidence) { treatment { id } actsOn { ${INTERVENTION} } } }
    ... on Symptom { filteredRelief: relievedBy(evidence: $evidence) { id } filteredAggravators: aggravatedBy(evidence: $evidence) { id } }
    ... on Treatment { filteredActs: actsOn(evidence: $evidence) { ${INTERVENTION} } }
    ... on Condition { symptoms(context: $context) { id ... on Symptom { relievedBy { id } aggravatedBy { id } interventions { ${INTERVENTION} } } }
      signsInContext: warningSigns(context: $context) { id } harmsInContext: complications(context: $context) { id } causes { id } mechanisms { id } complications { id } warningSigns { id urgency }
      anatomy { id } treatments { treatment { id modality } actsOn { ${INTERVENTION} } } }
    ... on Cause { conditions { id } location { id } occursDuring { id } }
    ... on Mechanism { conditions { id } occursIn { id } }
    ... on Symptom { conditions { id } location { id } aggravatedBy { id } relievedBy { id }
      conditionsInContext: conditions(context: $context) { id } aggravatedInContext: aggravatedBy(context: $context) { id } relievedInContext: relievedBy(context: $context) { id } }
    ... on Treatment { modality treats { id } warrantedBy { id } limits { id } actsOn { ${INTERVENTION} } }
    ... on WarningSign { urgency conditions { id } occursDuring { id } warrants { id } }
    ... on Complication { conditions { id } location { id } }
    ... on Anatomy { partOf { id } parts { id } involvedIn { id } }
    ... on Activity { aggravates { id } contextOf { id } limitedBy { id } }
  }
  graphStats { concepts relations evidence sources conceptsByKind { kind count } relationsByType { type count } }
}`;

const RELATIONS_QUERY = `query($conceptId: ID!, $direction: RelationDirection, $types: [RelationType!], $first: Int, $after: String, $evidence: EvidenceFilter) {
  relations(conceptId: $conceptId, direction: $direction, types: $types, first: $first, after: $after, evidence: $evidence) { ${RELATION_PAGE} }
}`;

const SEARCH_QUERY = `query($text: String!, $kinds: [ConceptKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score matchedField matchedText concept { id kind name } }
}`;

const SEARCH_ALL_QUERY = `query($text: String!, $types: [SearchTarget!], $first: Int) {
  searchAll(text: $text, types: $types, first: $first) { __typename score matchedField matchedText
    ... on ConceptHit { concept { id } } ... on SourceHit { source { id title } } ... on EvidenceHit { evidence { id claim } } }
}`;

const PATH = `hops evidenceCount nodes { id name } relations { id evidenceCount } steps { forward from { id } to { id } relation { id type } }`;

const CAUSAL_QUERY = `query($from: ID!, $to: ID!, $maxHops: Int, $limit: Int, $relationTypes: [RelationType!], $evidence: EvidenceFilter) {
  causalPathways(from: $from, to: $to, maxHops: $maxHops, limit: $limit, relationTypes: $relationTypes, evidence: $evidence) { truncated paths { ${PATH} } }
}`;

const SHORTEST_QUERY = `query($from: ID!, $to: ID!, $maxHops: Int, $directed: Boolean, $relationTypes: [RelationType!], $evidence: EvidenceFilter) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops, directed: $directed, relationTypes: $relationTypes, evidence: $evidence) { ${PATH} relations { ${RELATION} } }
}`;

const NEIGHBORHOOD_QUERY = `query($id: ID!, $depth: Int, $direction: RelationDirection, $relationTypes: [RelationType!], $kinds: [ConceptKind!], $limit: Int, $after: String, $evidence: EvidenceFilter) {
  neighborhood(id: $id, depth: $depth, direction: $direction, relationTypes: $relationTypes, kinds: $kinds, limit: $limit, after: $after, evidence: $evidence) {
    center { id } totalNodes totalEdges ${PAGE_INFO}
    nodes { id depth kind label concept { id name } }
    edges { id source target type label relation { id evidenceCount qualifiers { context } } }
    cytoscapeElements
  }
}`;

const EXPLAIN_QUERY = `query($id: ID!, $maxHops: Int, $limit: Int, $context: SymptomContext, $evidence: EvidenceFilter) {
  explain(id: $id, maxHops: $maxHops, limit: $limit, context: $context, evidence: $evidence) {
    target { id kind } truncated targetInterventions { ${INTERVENTION} }
    chains { root { id } hops evidenceCount steps { position concept { id } relationToNext { id type } interventions { ${INTERVENTION} } } }
  }
}`;

const CONCEPTS_QUERY = `query($filter: ConceptFilter, $orderBy: ConceptOrder, $first: Int, $after: String, $last: Int, $before: String) {
  concepts(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount ${PAGE_INFO} edges { cursor node { id name kind } } nodes { id }
  }
}`;

const TOUR = `id title summary audience dataset stepCount
  steps { position title narrative focus { id kind } concepts { __typename id name } relations { ${RELATION} } }`;

/** Asks for several tours at once under aliases, so the store's batch lookup answers them together. */
const toursQuery = (count: number): string =>
  `query(${Array.from({ length: count }, (_v, i) => `$id${i}: ID!`).join(", ")}, $evidence: EvidenceFilter) {
    ${Array.from({ length: count }, (_v, i) => `t${i}: tour(id: $id${i}) { ${TOUR} }`).join("\n")}
    tours { id stepCount }
  }`;

// ---- scenarios --------------------------------------------------------------------------------

const single = (query: string, variables: Record<string, unknown>): Scenario => async (execute) => [await execute(query, variables)];

/** Follows a cursor from page to page (at most `pages`), stopping when the list says there is no more. */
function paged(
  query: string,
  variables: Record<string, unknown>,
  pages: number,
  next: (response: GraphQLResponse) => Record<string, unknown> | null,
): Scenario {
  return async (execute) => {
    const seen: GraphQLResponse[] = [];
    let vars: Record<string, unknown> | null = variables;
    while (vars !== null && seen.length < pages) {
      const response = await execute(query, vars);
      seen.push(response);
      const more = next(response);
      vars = more === null ? null : { ...variables, ...more };
    }
    return seen;
  };
}

const pageInfoOf = (response: GraphQLResponse, field: string): any => (response.data as any)?.[field]?.pageInfo;

/** Follows `after` cursors while the list says there is a next page. */
const nextAfter = (field: string) => (r: GraphQLResponse) => {
  const info = pageInfoOf(r, field);
  return info?.hasNextPage ? { after: info.endCursor } : null;
};

/** Follows `before` cursors while the list says there is a previous page. */
const nextBefore = (field: string) => (r: GraphQLResponse) => {
  const info = pageInfoOf(r, field);
  return info?.hasPreviousPage ? { before: info.startCursor } : null;
};

const conceptArgs = fc.record({
  id: conceptId,
  first: optional(fc.integer({ min: 1, max: 8 })),
  direction,
  types: relationTypes,
  context: optional(fc.constantFrom("AT_REST", "DURING_MOVEMENT", "DURING_EXERCISE")),
  evidence,
});

const relationsArgs = fc.record({ conceptId, direction, types: relationTypes, first: optional(fc.integer({ min: 1, max: 6 })), evidence });

const searchArgs = fc.record({ text: searchText, kinds, first: optional(fc.integer({ min: 1, max: 50 })) });

const searchAllArgs = fc.record({ text: searchAllText, types: someOf(["CONCEPT", "SOURCE", "EVIDENCE"]), first: optional(fc.integer({ min: 1, max: 50 })) });

const causalArgs = fc
  .record({
    ends: fc.oneof({ arbitrary: fc.constantFrom(...causallyConnected), weight: 4 }, { arbitrary: distinctPair(conceptId, conceptId), weight: 1 }),
    maxHops: optional(fc.integer({ min: 1, max: 8 })),
    limit: optional(fc.integer({ min: 1, max: 50 })),
    relationTypes: someOf(CAUSAL_RELATION_TYPES),
    evidence,
  })
  .map(({ ends: [from, to], ...rest }) => ({ from, to, ...rest }));

const shortestArgs = fc
  .record({ ends: distinctPair(conceptId, conceptId), maxHops: optional(fc.integer({ min: 1, max: 15 })), directed: optional(fc.boolean()), relationTypes, evidence })
  .map(({ ends: [from, to], ...rest }) => ({ from, to, ...rest }));

const neighborhoodArgs = fc.record({
  id: conceptId,
  depth: fc.integer({ min: 1, max: 3 }),
  direction,
  relationTypes,
  kinds,
  limit: optional(fc.integer({ min: 1, max: 30 })),
  evidence,
});

const explainArgs = fc.record({
  id: fc.constantFrom(...explainable),
  maxHops: optional(fc.integer({ min: 1, max: 8 })),
  limit: optional(fc.integer({ min: 1, max: 50 })),
  context: optional(fc.constantFrom("AT_REST", "DURING_MOVEMENT", "DURING_EXERCISE")),
  evidence,
});

const conceptsArgs = fc.record({
  filter: optional(conceptFilter),
  orderBy: optional(fc.constantFrom("NAME_ASC", "NAME_DESC", "ID_ASC", "ID_DESC")),
  // "middle" takes one forward page, then walks backwards from its end cursor.
  walk: fc.constantFrom("forward", "backward", "middle"),
  size: fc.integer({ min: 1, max: 15 }),
  jump: fc.integer({ min: 1, max: 30 }),
});

const tourArgs = fc.record({ ids: fc.array(fc.constantFrom(...graph.tours.map((t) => t.id)), { minLength: 1, maxLength: 4 }), evidence });

type ConceptsArgs = typeof conceptsArgs extends fc.Arbitrary<infer A> ? A : never;

/** Pages through a filtered, ordered concept list forwards, backwards, or backwards from the middle. */
function conceptsScenario({ filter, orderBy, walk, size, jump }: ConceptsArgs): Scenario {
  if (walk === "forward") return paged(CONCEPTS_QUERY, { filter, orderBy, first: size }, 3, nextAfter("concepts"));
  if (walk === "backward") return paged(CONCEPTS_QUERY, { filter, orderBy, last: size }, 3, nextBefore("concepts"));
  return async (execute) => {
    const first = await execute(CONCEPTS_QUERY, { filter, orderBy, first: jump });
    const cursor = pageInfoOf(first, "concepts")?.endCursor;
    if (typeof cursor !== "string") return [first];
    return [first, ...(await paged(CONCEPTS_QUERY, { filter, orderBy, last: size, before: cursor }, 3, nextBefore("concepts"))(execute))];
  };
}

// ---- properties -------------------------------------------------------------------------------

describe.skipIf(noNeo4j)("Neo4j and in-process backends agree on random valid questions", () => {
  const apis = useBothBackendApis();

  const over = (url: string): Execute => (query, variables) => gql(url, query, variables);

  /** Asks both backends the same question; every answer must be error-free and byte-identical. */
  const agree = async (scenario: Scenario): Promise<void> => {
    const [fromNeo4j, fromMemory] = await Promise.all([scenario(over(apis.neo4j.url)), scenario(over(apis.memory.url))]);
    for (const response of fromNeo4j as GraphQLResponse[]) expect(response.errors).toBeUndefined();
    expect(JSON.stringify(fromMemory)).toBe(JSON.stringify(fromNeo4j));
  };

  /** One property: `numRuns` random argument sets, each asked of both backends as `scenario` says. */
  const property = <A>(name: string, args: fc.Arbitrary<A>, scenario: (a: A) => Scenario, numRuns: number, examples: A[] = []): void => {
    it(name, async () => {
      await fc.assert(fc.asyncProperty(args, (a) => agree(scenario(a))), { ...runs(numRuns), examples: examples.map((e): [A] => [e]) });
    }, 120_000);
  };

  property("both backends agree on random concepts with their views, links and relation pages", conceptArgs, (v) => single(CONCEPT_QUERY, v), 60, [
    // A context-free link reached while a context is asked for: once a counterexample.
    { id: "additional-muscle-stress", context: "DURING_MOVEMENT", first: undefined, direction: undefined, types: undefined, evidence: undefined },
  ]);
  property("both backends agree on random relation pages followed by cursor", relationsArgs, (v) => paged(RELATIONS_QUERY, v, 3, nextAfter("relations")), 60);
  property("both backends agree on random searches with typos and case changes", searchArgs, (v) => single(SEARCH_QUERY, v), 80);
  property("both backends agree on random searches over concepts, sources and claims", searchAllArgs, (v) => single(SEARCH_ALL_QUERY, v), 80);
  property("both backends agree on random causal pathways", causalArgs, (v) => single(CAUSAL_QUERY, v), 70);
  property("both backends agree on random shortest paths, directed or not", shortestArgs, (v) => single(SHORTEST_QUERY, v), 70);
  property("both backends agree on random neighbourhoods paged by cursor", neighborhoodArgs, (v) => paged(NEIGHBORHOOD_QUERY, v, 3, nextAfter("neighborhood")), 70);
  property("both backends agree on random explanations of symptoms and conditions", explainArgs, (v) => single(EXPLAIN_QUERY, v), 50);
  property("both backends agree on random concept filters, orders and pages in both directions", conceptsArgs, conceptsScenario, 80);
  property(
    "both backends agree on random sets of guided tours asked for together",
    tourArgs,
    ({ ids: list, evidence: filter }) => single(toursQuery(list.length), { ...Object.fromEntries(list.map((id, i) => [`id${i}`, id])), evidence: filter }),
    20,
    [{ ids: ["sports-injury-to-spasm"], evidence: undefined }],
  );
});

/** The explorer's only channel to the service: GraphQL over fetch to /graphql on the same origin. */

export interface ConceptRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}
export interface ClaimRef {
  readonly claim: string;
  readonly locator: { readonly section: { readonly label: string } };
}
export interface RelationRef {
  readonly id: string;
  readonly type: string;
  readonly from: { readonly id: string };
  readonly to: { readonly id: string };
  readonly evidence: readonly ClaimRef[];
}
export interface GraphData {
  readonly nodes: readonly ConceptRef[];
  readonly edges: readonly RelationRef[];
}
export interface VocabularyData {
  readonly conceptKinds: readonly { kind: string; description: string }[];
  readonly relationTypes: readonly { type: string; causal: boolean; intervention: boolean; description: string }[];
}
export interface SearchHit {
  readonly concept: ConceptRef;
  readonly matchedText: string;
  readonly matchedField: string;
}
export interface ConceptDetails extends ConceptRef {
  readonly summary: string;
  readonly synonyms: readonly string[];
  readonly biolinkCategory: string;
  readonly xrefs: readonly { curie: string; url: string; vocabulary: string; match: string }[];
}
export interface Passage {
  readonly before: string;
  readonly quote: string;
  readonly after: string;
}
export interface EvidenceDetails {
  readonly id: string;
  readonly claim: string;
  readonly knowledgeLevel: string;
  readonly agentType: string;
  readonly source: { title: string };
  readonly citedSource: { title: string } | null;
  readonly locator: { start: number; end: number; section: { label: string }; quote?: string | null; context?: Passage | null };
}
export interface RelationDetails extends Omit<RelationRef, "evidence"> {
  readonly from: ConceptRef;
  readonly to: ConceptRef;
  readonly biolinkPredicate: string;
  readonly qualifiers: Record<string, string | null>;
  readonly evidence: readonly EvidenceDetails[];
}
export interface PathData {
  readonly hops: number;
  readonly evidenceCount: number;
  readonly nodes: readonly ConceptRef[];
  readonly relations: readonly RelationRef[];
}
export interface InterventionData {
  readonly treatment: ConceptRef;
  readonly relation: Omit<RelationRef, "evidence"> & { readonly evidence?: readonly ClaimRef[] };
  readonly target: ConceptRef;
}
export interface ExplanationData {
  readonly target: ConceptRef;
  readonly truncated: boolean;
  readonly targetInterventions: readonly InterventionData[];
  readonly chains: readonly {
    hops: number;
    steps: readonly { position: number; concept: ConceptRef; relationToNext: RelationRef | null; interventions: readonly InterventionData[] }[];
  }[];
}
export interface TourSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly stepCount: number;
}
export interface TourStep {
  readonly position: number;
  readonly title: string;
  readonly narrative: string;
  readonly concepts: readonly ConceptRef[];
  readonly relations: readonly RelationRef[];
  readonly focus: ConceptRef | null;
}
export interface TourData extends TourSummary {
  readonly steps: readonly TourStep[];
}

/** A GraphQL error answered by the service, with its code (BAD_USER_INPUT, NOT_FOUND, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

/** Runs one query; identical queries share one request for the life of the page (the graph is read-only). */
export function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const key = JSON.stringify([query, variables]);
  let pending = cache.get(key) as Promise<T> | undefined;
  if (pending === undefined) {
    pending = post<T>(query, variables);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const first = body.errors?.[0];
  if (first !== undefined) throw new ApiError(first.message, first.extensions?.code ?? "UNKNOWN");
  if (body.data === undefined) throw new ApiError(`the service answered ${response.status} without data`, "UNKNOWN");
  return body.data;
}

const CONCEPT = "id name kind";
const RELATION = "id type from { id } to { id } evidence { claim locator { section { label } } }";
// Intervention links are fetched without their claims (the details panel loads them): this keeps
// explain well inside the service's query-cost budget.
const INTERVENTION = `treatment { ${CONCEPT} } relation { id type from { id } to { id } } target { ${CONCEPT} }`;

/** Concept kinds and relation types, with which types are causal. */
export async function vocabulary(): Promise<VocabularyData> {
  const data = await gql<{ vocabulary: VocabularyData }>(
    "query Vocabulary { vocabulary { conceptKinds { kind description } relationTypes { type causal intervention description } } }",
  );
  return data.vocabulary;
}

/** Typo- and synonym-tolerant suggestions for what a person is typing. */
export async function search(text: string): Promise<readonly SearchHit[]> {
  const data = await gql<{ search: SearchHit[] }>(
    `query Search($text: String!) { search(text: $text, first: 8) { matchedText matchedField concept { ${CONCEPT} } } }`,
    { text },
  );
  return data.search;
}

/** Nodes asked for per depth: enough for this graph, and priced well under the service's cost limit. */
const NEIGHBORHOOD_LIMIT: Readonly<Record<number, number>> = { 1: 60, 2: 120, 3: 200 };

/** The concept and its links up to `depth` hops; `total` says how many concepts there are in all. */
export async function neighborhood(id: string, depth: number): Promise<GraphData & { total: number }> {
  const data = await gql<{ neighborhood: { totalNodes: number; nodes: { id: string; label: string; kind: string }[]; edges: { relation: RelationRef }[] } }>(
    `query Neighborhood($id: ID!, $depth: Int!, $limit: Int!) { neighborhood(id: $id, depth: $depth, limit: $limit) { totalNodes nodes { id label kind } edges { relation { ${RELATION} } } } }`,
    { id, depth, limit: NEIGHBORHOOD_LIMIT[depth] ?? 60 },
  );
  return {
    total: data.neighborhood.totalNodes,
    nodes: data.neighborhood.nodes.map((n) => ({ id: n.id, name: n.label, kind: n.kind })),
    edges: data.neighborhood.edges.map((e) => e.relation),
  };
}

/** Name, summary, synonyms, Biolink category and standard identifiers of one concept. */
export async function conceptDetails(id: string): Promise<ConceptDetails> {
  const data = await gql<{ concept: ConceptDetails }>(
    `query Concept($id: ID!) { concept(id: $id) { ${CONCEPT} summary synonyms biolinkCategory xrefs { curie url vocabulary match } } }`,
    { id },
  );
  return data.concept;
}

const EVIDENCE_BASE = "id claim knowledgeLevel agentType source { title } citedSource { title }";
const RELATION_DETAILS = (locator: string) =>
  `query Relation($id: ID!) { relation(id: $id) { id type biolinkPredicate from { ${CONCEPT} } to { ${CONCEPT} }
   qualifiers { context frequency onset severity timing appliesWhen }
   evidence { ${EVIDENCE_BASE} locator { ${locator} } } } }`;
let passagesSupported = true;

/**
 * A relation with its evidence and, where the service offers Locator.quote/context, the passage each
 * claim rests on. Older services without those fields still get the claim, source and section.
 */
export async function relationDetails(id: string): Promise<RelationDetails> {
  if (passagesSupported) {
    try {
      const data = await gql<{ relation: RelationDetails }>(RELATION_DETAILS("start end section { label } quote context(chars: 300) { before quote after }"), { id });
      return data.relation;
    } catch (error) {
      if (!(error instanceof ApiError) || !/Cannot query field "(quote|context)"/.test(error.message)) throw error;
      passagesSupported = false;
    }
  }
  const data = await gql<{ relation: RelationDetails }>(RELATION_DETAILS("start end section { label }"), { id });
  return data.relation;
}

/** Causal pathways between two concepts; when there is none, the shortest path of any kind (or none). */
export async function pathways(from: string, to: string): Promise<{ causal: boolean; paths: readonly PathData[] }> {
  const pathFields = `hops evidenceCount nodes { ${CONCEPT} } relations { ${RELATION} }`;
  const causal = await gql<{ causalPathways: { paths: PathData[] } }>(
    `query Pathways($from: ID!, $to: ID!) { causalPathways(from: $from, to: $to, limit: 8, maxHops: 6) { paths { ${pathFields} } } }`,
    { from, to },
  );
  if (causal.causalPathways.paths.length > 0) return { causal: true, paths: causal.causalPathways.paths };
  const shortest = await gql<{ shortestPath: PathData | null }>(
    `query Shortest($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 8) { ${pathFields} } }`,
    { from, to },
  );
  return { causal: false, paths: shortest.shortestPath === null ? [] : [shortest.shortestPath] };
}

/** The causal chains that lead to a symptom or condition, with the treatments acting at each step. */
export async function explain(id: string): Promise<ExplanationData> {
  const data = await gql<{ explain: ExplanationData }>(
    `query Explain($id: ID!) { explain(id: $id, limit: 20) { truncated target { ${CONCEPT} }
      targetInterventions { ${INTERVENTION} }
      chains { hops steps { position concept { ${CONCEPT} } relationToNext { ${RELATION} } interventions { ${INTERVENTION} } } } } }`,
    { id },
  );
  return data.explain;
}

/** The guided tours on offer. */
export async function tours(): Promise<readonly TourSummary[]> {
  const data = await gql<{ tours: TourSummary[] }>("query Tours { tours { id title summary stepCount } }");
  return data.tours;
}

/** One tour with its steps, each naming the concepts and relations it is about. */
export async function tour(id: string): Promise<TourData> {
  const data = await gql<{ tour: TourData }>(
    `query Tour($id: ID!) { tour(id: $id) { id title summary stepCount steps { position title narrative
      concepts { ${CONCEPT} } relations { ${RELATION} } focus { ${CONCEPT} } } } }`,
    { id },
  );
  return data.tour;
}

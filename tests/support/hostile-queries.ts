import { aliasFlood, deepNesting, fragmentFanOut, nestedRelationsQuery } from "./canonical-queries.js";

/** A query an outside probe used to exhaust the service, and the code it must now be refused with. */
export interface HostileQuery {
  readonly name: string;
  readonly query: string;
  readonly status: number;
  readonly code: string;
}

const NEIGHBOURHOOD_500 = `neighborhood(id: "back-muscle-spasm", depth: 3, limit: 500) { nodes { id } edges { id } cytoscapeElements }`;
const SEARCH = `search(text: "muscle spasm pain", first: 50) { score concept { id name summary } }`;

/** The probe's queries and variants, each with the refusal it gets under the default limits. */
export const HOSTILE_QUERIES: readonly HostileQuery[] = [
  { name: "relations(first: 100) nested 7 levels (the 391-byte OOM)", query: nestedRelationsQuery(7), status: 400, code: "QUERY_TOO_DEEP" },
  { name: "relations(first: 100) nested 3 levels (within the depth limit)", query: nestedRelationsQuery(3), status: 400, code: "QUERY_TOO_COMPLEX" },
  { name: "relations nested 3 levels with two aliases per level", query: nestedRelationsQuery(3, 2), status: 400, code: "QUERY_TOO_COMPLEX" },
  { name: "relations nested 4 levels with two aliases per level", query: nestedRelationsQuery(4, 2), status: 400, code: "QUERY_TOO_DEEP" },
  { name: "30 aliased depth-3 neighbourhoods of 500 with Cytoscape elements", query: aliasFlood(30, NEIGHBOURHOOD_500), status: 400, code: "QUERY_TOO_COMPLEX" },
  { name: "500 aliased depth-3 neighbourhoods (the 60 MB amplification)", query: aliasFlood(500, NEIGHBOURHOOD_500), status: 400, code: "TOO_MANY_TOKENS" },
  { name: "100 aliased searches", query: aliasFlood(100, `search(text: "spasm") { score }`), status: 400, code: "TOO_MANY_ALIASES" },
  { name: "2,000 aliased searches (the 9 s event-loop block)", query: aliasFlood(2000, SEARCH), status: 413, code: "PAYLOAD_TOO_LARGE" },
  { name: "fragments spreading each other, 2^12 fields", query: fragmentFanOut(12), status: 400, code: "QUERY_TOO_DEEP" },
  { name: "nesting 800 levels deep (the parser overflow)", query: deepNesting(800), status: 400, code: "TOO_MANY_TOKENS" },
  { name: "nesting as deep as the token limit allows (650 levels)", query: deepNesting(650), status: 400, code: "QUERY_TOO_DEEP" },
];

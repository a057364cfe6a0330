/**
 * The cost rules, in one place. A field costs `base + size × (1 + its selection's cost)`:
 *  - a scalar or enum field costs 0;
 *  - an object field costs 1 + its selection (base 0, size 1);
 *  - a list field without paging arguments is assumed to hold UNPAGED_LIST_SIZE items (base 0, size 5);
 *  - a paged or limited field multiplies by the page size it asks for (first/last/limit, capped at the
 *    argument's own maximum, so an out-of-range value still reaches the service and gets BAD_USER_INPUT);
 *  - items of a page (connection edges and nodes, subgraph nodes, paths, chains) are already counted by
 *    the field that asked for the page, so they count once per item.
 * Aliases and fragments count in full: every alias is a separate field.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../services/concept-catalog.service.js";
import { DEFAULT_EXPLAIN_CHAINS, MAX_EXPLAIN_CHAINS } from "../../services/explain.service.js";
import { DEFAULT_NEIGHBORHOOD_LIMIT, MAX_NEIGHBORHOOD_LIMIT } from "../../services/neighborhood.service.js";
import { DEFAULT_CAUSAL_HOPS, DEFAULT_PATH_RESULTS, DEFAULT_SHORTEST_HOPS, MAX_CAUSAL_HOPS, MAX_PATH_RESULTS, MAX_SHORTEST_HOPS } from "../../services/pathway.service.js";
import { DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS } from "../../services/search.service.js";
import { DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE } from "../../services/curation.service.js";
import { MAX_NEIGHBORHOOD_DEPTH } from "../../domain/query-bounds.js";

/** Items assumed in a list field that takes no page size (links of a concept, evidence of a relation). */
export const UNPAGED_LIST_SIZE = 5;

/** What any request is charged against the rate limit at least, however cheap its operation. */
export const MIN_REQUEST_CHARGE = 10;

/** A flat cost for each introspection root (__schema, __type); their selections are not multiplied. */
export const INTROSPECTION_COST = 100;

type Args = Readonly<Record<string, unknown>>;

/** How one field is costed: a base and how many times its selection is paid for. */
export interface FieldCostRule {
  readonly base: (args: Args) => number;
  readonly size: (args: Args) => number;
  /** The rule in words, for schema descriptions and the README. */
  readonly summary: string;
}

/** The argument as a whole number in [1, max], or the default when it is absent or unusable. */
export function pageArg(args: Args, name: string, fallback: number, max: number): number {
  const value = args[name];
  if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.trunc(value)));
}

const connectionRule = (noun: string, pageArgs: string): FieldCostRule => ({
  base: () => 2,
  size: (a) => (a["last"] !== undefined && a["last"] !== null && a["first"] === undefined ? pageArg(a, "last", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) : pageArg(a, "first", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
  summary: `Cost: 2 + ${pageArgs} (default ${DEFAULT_PAGE_SIZE}) × (1 + the cost of one ${noun}'s selection).`,
});

const RELATIONS_RULE = connectionRule("relation edge", "first");

/** A forward-only connection with its own default and maximum page size. */
const connectionRuleOf = (noun: string, fallback: number, max: number): FieldCostRule => ({
  base: () => 2,
  size: (a) => pageArg(a, "first", fallback, max),
  summary: `Cost: 2 + first (default ${fallback}) × (1 + the cost of one ${noun}'s selection).`,
});

/**
 * What a write costs before its selection: it reads the whole graph to validate it and holds the
 * graph-wide write lock for one transaction, so it is priced like a large read.
 */
export const MUTATION_BASE_COST = 500;

/** Most mutation fields (aliases counted) one operation may hold. */
export const MAX_MUTATIONS_PER_OPERATION = 10;

const mutationRule: FieldCostRule = {
  base: () => MUTATION_BASE_COST,
  size: () => 1,
  summary: `Cost: ${MUTATION_BASE_COST} + the cost of the payload's selection; at most ${MAX_MUTATIONS_PER_OPERATION} mutation fields per operation.`,
};

/** Rules for the fields that do real work or take a page size; keyed by "Type.field". */
export const FIELD_COST_RULES: Readonly<Record<string, FieldCostRule>> = {
  "Query.concepts": connectionRule("concept edge", "first or last"),
  "Query.relations": RELATIONS_RULE,
  "Concept.relations": RELATIONS_RULE,
  "Query.search": {
    base: () => 5,
    size: (a) => pageArg(a, "first", DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS),
    summary: `Cost: 5 + first (default ${DEFAULT_SEARCH_RESULTS}) × (1 + the cost of one hit's selection).`,
  },
  "Query.neighborhood": {
    base: (a) => 10 * pageArg(a, "depth", 1, MAX_NEIGHBORHOOD_DEPTH),
    size: (a) => pageArg(a, "limit", DEFAULT_NEIGHBORHOOD_LIMIT, MAX_NEIGHBORHOOD_LIMIT),
    summary: `Cost: 10 × depth + limit (default ${DEFAULT_NEIGHBORHOOD_LIMIT}) × (1 + the cost of the selection per node: nodes 1, edges 2, cytoscapeElements 3, plus what they select).`,
  },
  "Query.causalPathways": {
    base: (a) => 5 * pageArg(a, "maxHops", DEFAULT_CAUSAL_HOPS, MAX_CAUSAL_HOPS),
    size: (a) => pageArg(a, "limit", DEFAULT_PATH_RESULTS, MAX_PATH_RESULTS),
    summary: `Cost: 5 × maxHops + limit (default ${DEFAULT_PATH_RESULTS}) × (1 + the cost of one path's selection).`,
  },
  "Query.explain": {
    base: (a) => 5 * pageArg(a, "maxHops", MAX_CAUSAL_HOPS, MAX_CAUSAL_HOPS),
    size: (a) => pageArg(a, "limit", DEFAULT_EXPLAIN_CHAINS, MAX_EXPLAIN_CHAINS),
    summary: `Cost: 5 × maxHops + limit (default ${DEFAULT_EXPLAIN_CHAINS}) × (1 + the cost of one chain's selection).`,
  },
  "Query.changes": connectionRuleOf("change edge", DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE),
  "Mutation.createConcept": mutationRule,
  "Mutation.updateConcept": mutationRule,
  "Mutation.addRelation": mutationRule,
  "Mutation.addEvidence": mutationRule,
  "Mutation.retractRelation": mutationRule,
  "Mutation.retractEvidence": mutationRule,
  "Query.shortestPath": {
    base: (a) => 2 * pageArg(a, "maxHops", DEFAULT_SHORTEST_HOPS, MAX_SHORTEST_HOPS),
    size: () => 1,
    summary: "Cost: 2 × maxHops + 1 + the cost of the path's selection.",
  },
};

/** List fields whose items the parent already paid for per item, with how many of them come per item. */
export const PAGE_ITEM_FIELDS: Readonly<Record<string, number>> = {
  "ConceptConnection.edges": 1,
  "ConceptConnection.nodes": 1,
  "RelationConnection.edges": 1,
  "RelationConnection.nodes": 1,
  "Subgraph.nodes": 1,
  "Subgraph.edges": 2,
  "PathSearchResult.paths": 1,
  "Explanation.chains": 1,
  "ChangeConnection.edges": 1,
  "ChangeConnection.nodes": 1,
};

/** Scalar fields that still cost work: the Cytoscape elements repeat every node and edge of the page. */
export const COSTLY_SCALAR_FIELDS: Readonly<Record<string, number>> = {
  "Subgraph.cytoscapeElements": 3,
};

/** The description suffix that states a field's cost rule. */
export function costNote(coordinate: keyof typeof FIELD_COST_RULES): string {
  return FIELD_COST_RULES[coordinate]?.summary ?? "";
}

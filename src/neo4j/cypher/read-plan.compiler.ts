import { LRUCache } from "lru-cache";
import { CAUSAL_RELATION_TYPES } from "../../domain/relation-type.js";
import { CONCEPT_VIEWS, CONDITION_FINDING_TYPES, INTERVENTION_TYPES } from "../../domain/concept-views.js";
import { contextsApplyingIn } from "../../domain/context-scope.js";
import type { EvidenceFilter } from "../../domain/evidence-filter.js";
import { filterSourcesOf } from "../../plan/plan-filters.js";
import type { EvidenceListPlan, LinkPlan, ReadPlan } from "../../plan/read-plan.js";
import type { CypherQuery } from "./cypher-query.js";
import { evidenceFilterParam } from "./evidence-filter.cypher.js";
import { explainBody } from "./explain-plan.cypher.js";
import { Projector, type PlanPath, type PlanSlot } from "./plan-projector.cypher.js";
import { conceptBody, neighborhoodBody, pathsBody, relationBody } from "./plan-statements.cypher.js";
import { textSearchParams, textSearchStatement } from "./text-search.query.js";
import { toursBody } from "./tours-plan.cypher.js";

/**
 * Compiles a read plan into ONE parameterised Cypher statement: the check of the sources its evidence
 * filters name, then the root and every planned link, evidence list and relation end as a CALL
 * subquery before the projection that needs it. Only the selected concept properties are projected.
 * The statement text depends only on the plan's shape (properties, views, nesting, which links are
 * filtered, hop and depth bounds); ids, contexts, kinds, types, filters and limits travel as
 * parameters, so compiled statements are cached by shape.
 */

/** Most statement shapes kept; a client cannot grow the cache past this. */
const CACHE_SIZE = 500;

interface Compiled {
  readonly cypher: string;
  readonly slots: readonly PlanSlot[];
}

const cache = new LRUCache<string, Compiled>({ max: CACHE_SIZE });
/** Statements of several plans, by the sequence of their shapes. */
const combined = new LRUCache<string, string>({ max: CACHE_SIZE });

/** Plan fields holding values (parameters), left out of the shape key. */
const VALUE_FIELDS = new Set(["id", "ids", "key", "context", "from", "to", "types", "kinds", "limit", "conceptId", "terms"]);
/** Plan fields whose presence changes the statement while their values travel as parameters. */
const PRESENCE_FIELDS = new Set(["evidence", "parentKinds"]);

/** The checked sources' row: which of the ids named by the plan's evidence filters exist. */
const SOURCE_CHECK = `CALL () {
      UNWIND $checkSources AS sid
      MATCH (src:Source {id: sid})
      RETURN collect(src.id) AS knownSources
    }`;

/**
 * Most plans answered by one statement. A request's root fields are read together, but an aliased
 * request may have dozens, and Neo4j plans a statement in time that grows with its size, so larger
 * sets take one statement per this many plans.
 */
export const MAX_PLANS_PER_STATEMENT = 4;

/**
 * The statement for a plan, compiled once per plan shape. Its one row holds `a0`: a map of
 * `knownSources` and the root's columns (null when the root is missing).
 */
export function compileReadPlan(plan: ReadPlan): CypherQuery {
  return compileReadPlans([plan]);
}

/**
 * One statement for up to MAX_PLANS_PER_STATEMENT plans (compiled once per sequence of shapes): each
 * plan's statement as a subquery whose parameters carry the prefix p<i>_, and one row holding a<i> for
 * the i-th plan.
 */
export function compileReadPlans(plans: readonly ReadPlan[]): CypherQuery {
  if (plans.length === 0 || plans.length > MAX_PLANS_PER_STATEMENT) throw new RangeError(`${plans.length} plans for one statement; 1..${MAX_PLANS_PER_STATEMENT} allowed`);
  const shapes = plans.map(shapeKey);
  const compiled = plans.map((plan, i) => compiledOf(plan, shapes[i] as string));
  if (plans.length === 1) return { cypher: (compiled[0] as Compiled).cypher, params: paramsOf(plans[0] as ReadPlan, compiled[0] as Compiled) };
  const shape = shapes.join("\n");
  let cypher = combined.get(shape);
  if (cypher === undefined) {
    const parts = compiled.map((c, i) => `CALL () {\n${c.cypher.replace(/\$(\w+)/g, `$p${i}_$1`).replace(/AS a0$/, `AS a${i}`)}\n}`);
    cypher = `${parts.join("\n")}\nRETURN ${plans.map((_, i) => `a${i}`).join(", ")}`;
    combined.set(shape, cypher);
  }
  const params: Record<string, unknown> = {};
  plans.forEach((plan, i) => {
    for (const [name, value] of Object.entries(paramsOf(plan, compiled[i] as Compiled))) params[`p${i}_${name}`] = value;
  });
  return { cypher, params };
}

function compiledOf(plan: ReadPlan, shape: string): Compiled {
  let compiled = cache.get(shape);
  if (compiled === undefined) {
    compiled = statementOf(plan);
    cache.set(shape, compiled);
  }
  return compiled;
}

function paramsOf(plan: ReadPlan, compiled: Compiled): Record<string, unknown> {
  const params: Record<string, unknown> = { ...rootParams(plan), checkSources: filterSourcesOf(plan) };
  for (const slot of compiled.slots) params[slot.name] = slotParam(at(plan, slot.path));
  return params;
}

/** How many distinct statement shapes are cached (for tests). */
export function compiledShapeCount(): number {
  return cache.size;
}

/** Shape keys of selections, which the planner reuses across requests. */
const selectionKeys = new WeakMap<object, string>();

function keyOf(value: object): string {
  let key = selectionKeys.get(value);
  if (key === undefined) {
    key = JSON.stringify(value, (k, v: unknown) => (VALUE_FIELDS.has(k) ? undefined : PRESENCE_FIELDS.has(k) ? (v === null || v === undefined ? undefined : true) : v));
    selectionKeys.set(value, key);
  }
  return key;
}

const filtered = (evidence: EvidenceFilter | null | undefined): boolean => evidence !== null && evidence !== undefined;

/** The plan with its values left out: the root, the structural bounds and the selections. */
function shapeKey(plan: ReadPlan): string {
  switch (plan.root) {
    case "concept":
      return `concept ${keyOf(plan.select)}`;
    case "paths":
      return `paths ${plan.request.maxHops} ${plan.request.directed} ${filtered(plan.request.evidence)} ${keyOf(plan.nodes)} ${keyOf(plan.relations)}`;
    case "neighborhood":
      return `neighborhood ${plan.request.depth} ${plan.request.direction} ${filtered(plan.request.evidence)} ${keyOf(plan.center)} ${keyOf(plan.nodes)}`;
    case "relation":
      return `relation ${keyOf(plan.select)}`;
    case "explain":
      return `explain ${plan.request.maxHops} ${filtered(plan.request.evidence)} ${keyOf(plan.concepts)} ${keyOf(plan.relations)}`;
    case "searchAll":
      return `searchAll ${[...plan.request.targets].sort().join(",")} ${keyOf(plan.claims)}`;
    case "tours":
      return `tours ${plan.concepts === null ? "-" : keyOf(plan.concepts)} ${plan.relations === null ? "-" : keyOf(plan.relations)}`;
  }
}

function statementOf(plan: ReadPlan): Compiled {
  const p = new Projector();
  const [body, columns] = bodyOf(plan, p);
  const cypher = `${SOURCE_CHECK}
    OPTIONAL CALL () {
      ${body}
    }
    RETURN {knownSources: knownSources, ${columns.map((c) => `${c}: ${c}`).join(", ")}} AS a0`;
  return { cypher, slots: p.slots };
}

function bodyOf(plan: ReadPlan, p: Projector): [string, readonly string[]] {
  switch (plan.root) {
    case "concept":
      return [conceptBody(plan, p), ["concept"]];
    case "paths":
      return [pathsBody(plan, p), ["fromFound", "toFound", "paths"]];
    case "neighborhood":
      return [neighborhoodBody(plan, p), ["center", "relations", "nodes"]];
    case "relation":
      return [relationBody(plan, p), ["relation"]];
    case "explain":
      return [explainBody(plan, p), ["target", "paths", "sites", "concepts", "relations"]];
    case "searchAll":
      return [textSearchStatement(plan.request.targets, p.evidence("e", plan.claims, ["claims"])), ["concepts", "sources", "evidence"]];
    case "tours":
      return [toursBody(plan, p), ["tours", "concepts", "relations"]];
  }
}

function rootParams(plan: ReadPlan): Record<string, unknown> {
  const list = <T>(values: readonly T[] | null): T[] | null => (values === null ? null : [...values]);
  switch (plan.root) {
    case "concept":
    case "relation":
      return { id: plan.id };
    case "paths": {
      const r = plan.request;
      return { from: r.from, to: r.to, types: [...r.types], take: r.limit + 1, evidence: evidenceFilterParam(r.evidence) };
    }
    case "neighborhood": {
      const r = plan.request;
      return { id: r.conceptId, types: list(r.types), kinds: list(r.kinds), evidence: evidenceFilterParam(r.evidence) };
    }
    case "explain": {
      const r = plan.request;
      return {
        to: r.to,
        types: [...r.types],
        take: r.limit + 1,
        contexts: r.context === null ? null : contextsApplyingIn(r.context),
        interventionTypes: [...INTERVENTION_TYPES],
        evidence: evidenceFilterParam(r.evidence),
      };
    }
    case "searchAll":
      return textSearchParams(plan.request);
    case "tours":
      return { ids: list(plan.ids) };
  }
}

/** The value at `path` of the plan. */
function at(plan: ReadPlan, path: PlanPath): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], plan);
}

/** The parameter of a slot: a link's types, kinds, contexts and filter, or an evidence list's filter. */
function slotParam(value: unknown): Record<string, unknown> {
  if (!("link" in (value as object))) return { evidence: evidenceFilterParam((value as EvidenceListPlan).evidence) };
  const link = value as LinkPlan;
  const contexts = link.link === "treatmentOptions" || link.context === null ? null : contextsApplyingIn(link.context);
  const base = { parentKinds: link.parentKinds === null ? null : [...link.parentKinds], contexts, evidence: evidenceFilterParam(link.evidence) };
  if (link.link === "view") {
    const view = CONCEPT_VIEWS[link.view];
    return { ...base, types: [...view.types], kinds: view.kinds === null ? null : [...view.kinds] };
  }
  if (link.link === "interventions") return { ...base, types: [...INTERVENTION_TYPES] };
  return { ...base, findingTypes: [...CONDITION_FINDING_TYPES], causalTypes: [...CAUSAL_RELATION_TYPES], interventionTypes: [...INTERVENTION_TYPES] };
}

import { getNamedType, getNullableType, isCompositeType, isListType, type FieldNode } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { ruleFor } from "./cost-estimator.js";
import { COSTLY_SCALAR_FIELDS, INTROSPECTION_COST } from "./field-costs.js";
import type { FieldObservation } from "./observed-sizes.js";

/** Child lists that hold the items of a paged field's page, in the order they are trusted. */
const PAGE_LISTS = ["nodes", "edges", "paths", "chains"] as const;

/**
 * The estimator behind `extensions.cost.actual`: the same rules as before execution (field-costs.ts),
 * with every page size and assumed list size replaced by what the response really held. Each field's
 * value is its total over the response divided by the number of objects it was asked of, so the cost
 * walk's multiplication by the parents' sizes gives back exactly the totals.
 */
export function observedCostEstimator(observations: ReadonlyMap<FieldNode, FieldObservation>): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    const seen = observations.get(node);
    if (seen === undefined || seen.parents === 0) return 0;
    if (field.name === "__schema" || field.name === "__type") return (INTROSPECTION_COST * seen.instances) / seen.parents;
    if (field.name.startsWith("__")) return 0;
    const composite = isCompositeType(getNamedType(field.type));
    const rule = ruleFor(type, field.name);
    if (rule !== undefined) {
      const pageItems = !composite || isListType(getNullableType(field.type)) ? seen.items : pageSize(seen, rule.size(args) * seen.instances);
      return (seen.instances * rule.base(args) + pageItems + seen.items * childComplexity) / seen.parents;
    }
    if (COSTLY_SCALAR_FIELDS[`${type.name}.${field.name}`] !== undefined) return seen.items / seen.parents;
    if (!composite) return 0;
    return (seen.items * (1 + childComplexity)) / seen.parents;
  };
}

/** Items of a paged field's pages as they came back; the asked-for size when no page list was selected. */
function pageSize(seen: FieldObservation, asked: number): number {
  for (const name of PAGE_LISTS) {
    const items = seen.childLists.get(name);
    if (items !== undefined) return items;
  }
  return asked;
}

import { getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, type GraphQLCompositeType } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { COSTLY_SCALAR_FIELDS, FIELD_COST_RULES, INTROSPECTION_COST, PAGE_ITEM_FIELDS, UNPAGED_LIST_SIZE, type FieldCostRule } from "./field-costs.js";

/** The cost rule for a field on a type, also looking at the interfaces the type implements; undefined when it has none. */
export function ruleFor(type: GraphQLCompositeType, fieldName: string): FieldCostRule | undefined {
  const own = FIELD_COST_RULES[`${type.name}.${fieldName}`];
  if (own !== undefined) return own;
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const iface of type.getInterfaces()) {
      const inherited = FIELD_COST_RULES[`${iface.name}.${fieldName}`];
      if (inherited !== undefined) return inherited;
    }
  }
  return undefined;
}

/** The cost of one field given its arguments and the cost of its selection (see field-costs.ts). */
export const fieldCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const coordinate = `${type.name}.${field.name}`;
  if (field.name === "__schema" || field.name === "__type") return INTROSPECTION_COST;
  if (field.name.startsWith("__")) return 0;
  const rule = ruleFor(type, field.name);
  if (rule !== undefined) return rule.base(args) + rule.size(args) * (1 + childComplexity);
  const scalarCost = COSTLY_SCALAR_FIELDS[coordinate];
  if (scalarCost !== undefined) return scalarCost;
  if (!isCompositeType(getNamedType(field.type))) return 0;
  const perItem = PAGE_ITEM_FIELDS[coordinate];
  if (perItem !== undefined) return perItem * (1 + childComplexity);
  return (isListType(getNullableType(field.type)) ? UNPAGED_LIST_SIZE : 1) * (1 + childComplexity);
};

import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, getNamedType, isLeafType, isObjectType } from "graphql";
import { prefetchedValue, withoutPrefetched } from "../plan/prefetched.js";

/**
 * Lets every object field answer from what a read plan fetched ahead: when the parent object carries
 * a planned value for the field's response key, that is the answer; otherwise the field's own
 * resolver runs (the loader path), for fields the plan did not cover, on the parent without its
 * planned values.
 */
export function usePrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (isLeafType(getNamedType(field.type))) continue;
      field.resolve = prefetchedFirst(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function prefetchedFirst(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const planned = prefetchedValue(source, info.path.key as string);
    // A resolver that passes its parent on (interventions, actsOn) must not hand the parent's planned values to another position.
    return planned === undefined ? resolve(withoutPrefetched(source), args, context, info) : planned.value;
  };
}

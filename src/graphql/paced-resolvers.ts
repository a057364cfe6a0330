import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, getNamedType, isLeafType, isObjectType } from "graphql";
import { pacing } from "../store/request-scope.js";

/**
 * Wraps every field resolver of the schema so a large response is built in slices: graphql-js completes
 * sibling fields synchronously, so without this one request could hold the event loop (and /health)
 * until it is done. A resolver runs at once unless the request is past its deadline (TIMEOUT) or the
 * process has been busy for a while, in which case it runs after a turn of the event loop.
 */
export function paceResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      // Leaf fields are cheap and the most numerous; pausing at object and list fields bounds the work enough.
      if (isLeafType(getNamedType(field.type))) continue;
      field.resolve = paced(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function paced(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const pause = pacing();
    if (pause === null) return resolve(source, args, context, info);
    const resumed = pause.then(() => resolve(source, args, context, info));
    // graphql-js drops the pending promises of sibling fields when one field fails synchronously (a passed
    // deadline does exactly that); marking this one handled keeps its later TIMEOUT from becoming an
    // unhandled rejection, which would stop the process. Where graphql-js still awaits it, it sees the error.
    resumed.catch(() => undefined);
    return resumed;
  };
}

import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { RequestLimitError, type RequestLimitCode } from "../../errors/app-errors.js";
import type { QueryLimits } from "../../config/config.js";
import { MAX_MUTATIONS_PER_OPERATION } from "./field-costs.js";
import { maxMutationFieldsRule } from "./mutation-count.rule.js";

/** The count graphql-armor reports in its message ("… exceeded, found 31."), when it gives one. */
function foundIn(message: string): number | undefined {
  const match = /found (\d+)/.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** An armor onReject callback that reports our coded error instead of armor's generic one. */
function reportAs(code: RequestLimitCode, what: string, limit: number) {
  return (context: ValidationContext | null, armorError: GraphQLError) => {
    const found = foundIn(armorError.message);
    const error = new RequestLimitError(code, `The query has ${found ?? "more than " + limit} ${what}; at most ${limit} are allowed`, {
      limit,
      ...(found === undefined ? {} : { found }),
    });
    context?.reportError(new GraphQLError(error.message, { originalError: error }));
  };
}

/**
 * The structural limits as validation rules (graphql-armor), each rejecting with its own code:
 * QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES, TOO_MANY_MUTATIONS. The token limit is applied by the parser.
 */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: [reportAs("QUERY_TOO_DEEP", "levels of nesting", limits.maxDepth)] }),
    maxAliasesRule({ n: limits.maxAliases, allowList: [], propagateOnRejection: false, onReject: [reportAs("TOO_MANY_ALIASES", "aliases", limits.maxAliases)] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs("TOO_MANY_DIRECTIVES", "directives", limits.maxDirectives)] }),
    supportedOperationTypesRule,
    maxMutationFieldsRule(MAX_MUTATIONS_PER_OPERATION),
  ] as ValidationRule[];
}

/** Rejects a mutation or subscription when the schema has no root type for it, with OPERATION_NOT_SUPPORTED. */
export const supportedOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (root !== null && root !== undefined) return;
    const error = new RequestLimitError("OPERATION_NOT_SUPPORTED", `This API does not support ${node.operation} operations`, { operation: node.operation });
    context.reportError(new GraphQLError(error.message, { nodes: [node], originalError: error }));
  },
});

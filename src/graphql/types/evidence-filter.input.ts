import { Field, ID, InputType } from "type-graphql";
import type { AgentType, KnowledgeLevel } from "../../domain/evidence.js";
import { AgentTypeEnum, KnowledgeLevelEnum } from "./enums.js";

@InputType("EvidenceFilter", {
  description:
    "Provenance filter. An evidence record matches when it meets every given criterion (omitted fields match anything); " +
    "a relation passes when at least one of its evidence records matches. An empty list, or a source id the graph does not " +
    "hold, is rejected with BAD_USER_INPUT naming the field (e.g. evidence.sources).",
})
export class EvidenceFilterInput {
  @Field(() => [ID], { nullable: true, description: "Source ids; matches the evidence's own source or the source it cites (see Query.sources)." })
  sources?: string[] | null;

  @Field(() => [KnowledgeLevelEnum], { nullable: true, description: "Biolink knowledge levels, e.g. KNOWLEDGE_ASSERTION for what the source states." })
  knowledgeLevels?: KnowledgeLevel[] | null;

  @Field(() => [AgentTypeEnum], { nullable: true, description: "Biolink agent types, e.g. MANUAL_AGENT for human curation." })
  agentTypes?: AgentType[] | null;
}

/** Description of every `evidence:` argument on a relation, link, path or neighbourhood field. */
export const EVIDENCE_ARG_DESCRIPTION =
  "Follow only relations with at least one evidence record matching this filter (omitted: every relation). Paths, " +
  "neighbourhoods and explanations walk passing relations only.";

/** Description of the `evidence:` argument on evidence lists. */
export const EVIDENCE_LIST_ARG_DESCRIPTION = "Only the evidence records matching this filter (omitted: all).";

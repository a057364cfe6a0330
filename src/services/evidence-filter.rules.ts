import type { AgentType, KnowledgeLevel } from "../domain/evidence.js";
import { normaliseEvidenceFilter, type EvidenceFilter } from "../domain/evidence-filter.js";
import { BadUserInputError } from "../errors/app-errors.js";
import { nonEmptyOrNull } from "./argument-rules.js";
import type { RequestLoaders } from "./request-loaders.js";

/** The `evidence:` argument as GraphQL hands it over. */
export interface EvidenceFilterArgs {
  readonly sources?: readonly string[] | null;
  readonly knowledgeLevels?: readonly KnowledgeLevel[] | null;
  readonly agentTypes?: readonly AgentType[] | null;
}

/**
 * The validated, normalised filter, or null when the argument is absent or constrains nothing.
 * An empty list or a source id the graph does not hold is a client mistake: BAD_USER_INPUT naming
 * `evidence.<field>`, so a typo never silently reads as "no provenance".
 */
export async function evidenceFilterFrom(args: EvidenceFilterArgs | null | undefined, loaders: RequestLoaders): Promise<EvidenceFilter | null> {
  if (args === null || args === undefined) return null;
  const filter = normaliseEvidenceFilter({
    sources: nonEmptyOrNull("evidence.sources", args.sources),
    knowledgeLevels: nonEmptyOrNull("evidence.knowledgeLevels", args.knowledgeLevels),
    agentTypes: nonEmptyOrNull("evidence.agentTypes", args.agentTypes),
  });
  if (filter?.sources) {
    const found = await loaders.source.loadMany([...filter.sources]);
    const failure = found.find((f) => f instanceof Error);
    if (failure instanceof Error) throw failure;
    const unknown = filter.sources.filter((_id, i) => found[i] === null);
    if (unknown.length > 0) {
      throw new BadUserInputError("evidence.sources", `names no known source: ${unknown.map((id) => `"${id}"`).join(", ")}`, "ids listed by Query.sources");
    }
  }
  return filter;
}

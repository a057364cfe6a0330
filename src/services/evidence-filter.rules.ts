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
 * The normalised filter, or null when the argument is absent or constrains nothing; its sources are
 * not yet checked (see unknownSourcesError). An empty list is a client mistake: BAD_USER_INPUT naming
 * `evidence.<field>`, since it would silently match nothing.
 */
export function evidenceFilterOf(args: EvidenceFilterArgs | null | undefined): EvidenceFilter | null {
  if (args === null || args === undefined) return null;
  return normaliseEvidenceFilter({
    sources: nonEmptyOrNull("evidence.sources", args.sources),
    knowledgeLevels: nonEmptyOrNull("evidence.knowledgeLevels", args.knowledgeLevels),
    agentTypes: nonEmptyOrNull("evidence.agentTypes", args.agentTypes),
  });
}

/** BAD_USER_INPUT naming `evidence.sources` when the filter names a source id not in `known`; null when it names none. */
export function unknownSourcesError(filter: EvidenceFilter | null, known: ReadonlySet<string>): BadUserInputError | null {
  const unknown = (filter?.sources ?? []).filter((id) => !known.has(id));
  if (unknown.length === 0) return null;
  return new BadUserInputError("evidence.sources", `names no known source: ${unknown.map((id) => `"${id}"`).join(", ")}`, "ids listed by Query.sources");
}

/** Resolves when every source the filter names exists; BAD_USER_INPUT naming `evidence.sources` otherwise. */
export async function requireKnownSources(filter: EvidenceFilter | null, loaders: RequestLoaders): Promise<void> {
  if (!filter?.sources) return;
  const found = await loaders.source.loadMany([...filter.sources]);
  const failure = found.find((f) => f instanceof Error);
  if (failure instanceof Error) throw failure;
  const error = unknownSourcesError(filter, new Set(filter.sources.filter((_id, i) => found[i] !== null)));
  if (error !== null) throw error;
}

/**
 * The validated, normalised filter, or null when the argument is absent or constrains nothing.
 * An empty list or a source id the graph does not hold is a client mistake: BAD_USER_INPUT naming
 * `evidence.<field>`, so a typo never silently reads as "no provenance".
 */
export async function evidenceFilterFrom(args: EvidenceFilterArgs | null | undefined, loaders: RequestLoaders): Promise<EvidenceFilter | null> {
  const filter = evidenceFilterOf(args);
  await requireKnownSources(filter, loaders);
  return filter;
}

import { pathEvidence } from "../domain/path-ranking.js";
import { CAUSAL_RELATION_TYPES, RELATION_TYPES, type RelationType } from "../domain/relation-type.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { EvidenceFilter, PathRecord } from "../store/store.types.js";
import { intInRange, nonEmptyOrNull } from "./argument-rules.js";
import { evidenceFilterOf, requireKnownSources, unknownSourcesError, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { PathResult, PathSearchResult } from "./service-results.types.js";
import type { ConceptSelection, RelationSelection } from "../plan/read-plan.js";
import { primeSources, shapeConcept, shapeRelation } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";

/** What a path search reads of its nodes and relations when it runs as one plan. */
export interface PathSelections {
  readonly nodes: ConceptSelection;
  readonly relations: RelationSelection;
}

export const MAX_CAUSAL_HOPS = 8;
export const DEFAULT_CAUSAL_HOPS = 6;
export const MAX_PATH_RESULTS = 50;
export const DEFAULT_PATH_RESULTS = 10;
export const MAX_SHORTEST_HOPS = 15;
export const DEFAULT_SHORTEST_HOPS = 10;
const SAME_ENDS = 'must differ from "from"';

/** Path questions between two concepts: every causal pathway, or the single best shortest path. */
export class PathwayService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /**
   * All simple causal paths from one concept to another, ranked, at most `limit` of them. With
   * selections, the ends' existence, the filter's sources, the paths and what is selected of them are
   * read in one plan.
   */
  async causalPathways(args: {
    from: string;
    to: string;
    maxHops?: number | null;
    relationTypes?: readonly RelationType[] | null;
    limit?: number | null;
    evidence?: EvidenceFilterArgs | null;
  }, selections: PathSelections | null = null): Promise<PathSearchResult> {
    const maxHops = intInRange("maxHops", args.maxHops ?? DEFAULT_CAUSAL_HOPS, 1, MAX_CAUSAL_HOPS);
    const limit = intInRange("limit", args.limit ?? DEFAULT_PATH_RESULTS, 1, MAX_PATH_RESULTS);
    const types = nonEmptyOrNull("relationTypes", args.relationTypes) ?? CAUSAL_RELATION_TYPES;
    const nonCausal = types.filter((t) => !CAUSAL_RELATION_TYPES.includes(t));
    if (nonCausal.length > 0) {
      throw new BadUserInputError("relationTypes", `contains non-causal types ${nonCausal.join(", ")}`, CAUSAL_RELATION_TYPES.join(", "));
    }
    if (selections !== null) {
      // The checks in the order the level-by-level path reports them: the filter's lists, the ends, missing ends, then unknown sources.
      const evidence = evidenceFilterOf(args.evidence);
      if (args.from === args.to) throw new BadUserInputError("to", SAME_ENDS);
      const request = { from: args.from, to: args.to, types, maxHops, directed: true, limit, evidence };
      const answer = await readPlan(this.loaders, { root: "paths", request, nodes: selections.nodes, relations: selections.relations });
      if (!answer.value.fromFound) throw new NotFoundError("Concept", args.from);
      if (!answer.value.toFound) throw new NotFoundError("Concept", args.to);
      const unknown = unknownSourcesError(evidence, answer.knownSources);
      if (unknown !== null) throw unknown;
      primeSources(answer, this.loaders);
      const known = answer.knownSources;
      const shaped = answer.value.paths.map((p) => ({
        nodes: p.nodes.map((n) => shapeConcept(n, selections.nodes, null, known)),
        relations: p.relations.map((r) => shapeRelation(r, selections.relations, known)),
      }));
      return { paths: shaped.slice(0, limit).map(toPathResult), truncated: shaped.length > limit };
    }
    const evidence = await this.checkedArguments(args.from, args.to, args.evidence);
    const paths = await this.store.paths({ from: args.from, to: args.to, types, maxHops, directed: true, limit, evidence });
    return { paths: paths.slice(0, limit).map(toPathResult), truncated: paths.length > limit };
  }

  /** The best of the shortest paths (ranked like causal pathways), or null when the concepts are not connected. */
  async shortestPath(args: {
    from: string;
    to: string;
    relationTypes?: readonly RelationType[] | null;
    directed?: boolean | null;
    maxHops?: number | null;
    evidence?: EvidenceFilterArgs | null;
  }): Promise<PathResult | null> {
    const maxHops = intInRange("maxHops", args.maxHops ?? DEFAULT_SHORTEST_HOPS, 1, MAX_SHORTEST_HOPS);
    const types = nonEmptyOrNull("relationTypes", args.relationTypes) ?? RELATION_TYPES;
    const evidence = await this.checkedArguments(args.from, args.to, args.evidence);
    const paths = await this.store.shortestPaths({ from: args.from, to: args.to, types, maxHops, directed: args.directed ?? false, evidence });
    const best = paths[0];
    return best === undefined ? null : toPathResult(best);
  }

  /**
   * The filter, once the ends and its sources are checked (both looked up at once), reporting in a fixed
   * order whichever lookup answers first: the filter's lists, the ends, unknown ends, then unknown sources.
   */
  private async checkedArguments(from: string, to: string, evidenceArgs: EvidenceFilterArgs | null | undefined): Promise<EvidenceFilter | null> {
    const evidence = evidenceFilterOf(evidenceArgs);
    const [ends, sources] = await Promise.allSettled([this.requireEnds(from, to), requireKnownSources(evidence, this.loaders)]);
    if (ends.status === "rejected") throw ends.reason;
    if (sources.status === "rejected") throw sources.reason;
    return evidence;
  }

  private async requireEnds(from: string, to: string): Promise<void> {
    if (from === to) throw new BadUserInputError("to", SAME_ENDS);
    // load, not loadMany: a failed lookup (an outage) must surface as itself, never as "not found".
    const [a, b] = await Promise.all([this.loaders.concept.load(from), this.loaders.concept.load(to)]);
    if (a === null) throw new NotFoundError("Concept", from);
    if (b === null) throw new NotFoundError("Concept", to);
  }
}

/** Adds the hop count and evidence total to a stored path. */
export function toPathResult(path: PathRecord): PathResult {
  return { nodes: path.nodes, relations: path.relations, hops: path.relations.length, evidenceCount: pathEvidence(path) };
}

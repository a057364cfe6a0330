import type { ConceptKind } from "../domain/concept-kind.js";
import { conceptSortKey } from "../domain/concept-sort-key.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import { MAX_NEIGHBORHOOD_DEPTH } from "../domain/query-bounds.js";
import type { RelationType } from "../domain/relation-type.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { Direction, NeighborhoodNode, RelationRecord } from "../store/store.types.js";
import { intInRange, nonEmptyOrNull } from "./argument-rules.js";
import { decodeCursor, encodeCursor } from "./cursor.codec.js";
import { evidenceFilterFrom, evidenceFilterOf, unknownSourcesError, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { SubgraphResult } from "./service-results.types.js";
import type { ConceptSelection } from "../plan/read-plan.js";
import type { NeighborhoodRecord } from "../store/store.types.js";
import type { ContextualConcept } from "./contextual-concept.js";
import { primeSources, shapeConcept } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";

/** What a neighbourhood reads of its centre and its nodes' concepts when it runs as one plan. */
export interface NeighborhoodSelections {
  readonly center: ConceptSelection;
  readonly nodes: ConceptSelection;
}

export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;
export const MAX_NEIGHBORHOOD_LIMIT = 500;

type NodeKey = readonly [number, string, string];

const keyOf = (n: NeighborhoodNode): NodeKey => [n.depth, conceptSortKey(n.concept.name), n.concept.id];

function compareKeys(a: NodeKey, b: NodeKey): number {
  return a[0] - b[0] || compareCodeUnits(a[1], b[1]) || compareCodeUnits(a[2], b[2]);
}

/**
 * The subgraph around a concept, paged for progressive expansion: nodes in (depth, name, id) order,
 * and each relation delivered once, on the page that holds the later of its two ends.
 */
export class NeighborhoodService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /**
   * One page of the neighbourhood of `id`; NOT_FOUND for an unknown concept. With selections, the
   * filter's sources, the centre and the neighbourhood are read in one plan.
   */
  async neighborhood(args: {
    id: string;
    depth?: number | null;
    direction?: Direction | null;
    relationTypes?: readonly RelationType[] | null;
    kinds?: readonly ConceptKind[] | null;
    limit?: number | null;
    after?: string | null;
    evidence?: EvidenceFilterArgs | null;
  }, selections: NeighborhoodSelections | null = null): Promise<SubgraphResult> {
    const depth = intInRange("depth", args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH);
    const limit = intInRange("limit", args.limit ?? DEFAULT_NEIGHBORHOOD_LIMIT, 1, MAX_NEIGHBORHOOD_LIMIT);
    const types = nonEmptyOrNull("relationTypes", args.relationTypes);
    const kinds = nonEmptyOrNull("kinds", args.kinds);
    const direction = args.direction ?? "both";
    const scope = `neighborhood:${args.id}`;
    const afterKey = args.after === null || args.after === undefined ? null : parseNodeKey(decodeCursor("after", args.after, scope, 3));
    if (selections !== null) {
      const evidence = evidenceFilterOf(args.evidence);
      const request = { conceptId: args.id, depth, direction, types, kinds, evidence };
      const answer = await readPlan(this.loaders, { root: "neighborhood", request, center: selections.center, nodes: selections.nodes });
      // As on the level-by-level path, an unknown source in the filter is reported before an unknown centre.
      const unknown = unknownSourcesError(evidence, answer.knownSources);
      if (unknown !== null) throw unknown;
      const planned = answer.value;
      if (planned === null) throw new NotFoundError("Concept", args.id);
      primeSources(answer, this.loaders);
      const known = answer.knownSources;
      const nodes = planned.nodes.map((n) => ({ concept: shapeConcept(n.concept, selections.nodes, null, known), depth: n.depth }));
      // Planned concepts may carry only some properties, so they never go into the loaders' cache.
      return this.page(shapeConcept(planned.center, selections.center, null, known), { nodes, relations: planned.relations }, scope, afterKey, limit, false);
    }
    const [center, evidence] = await Promise.all([this.loaders.concept.load(args.id), evidenceFilterFrom(args.evidence, this.loaders)]);
    if (center === null) throw new NotFoundError("Concept", args.id);

    const record = await this.store.neighborhood({ conceptId: args.id, depth, direction, types, kinds, evidence });
    return this.page(center, record, scope, afterKey, limit, true);
  }

  private page(center: ContextualConcept, record: NeighborhoodRecord, scope: string, afterKey: NodeKey | null, limit: number, prime: boolean): SubgraphResult {
    const ordered = [...record.nodes].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const remaining = afterKey === null ? ordered : ordered.filter((n) => compareKeys(keyOf(n), afterKey) > 0);
    const page = remaining.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last === undefined ? null : keyOf(last);
    const keyById = new Map(ordered.map((n) => [n.concept.id, keyOf(n)]));
    const relations = record.relations.filter((r) => belongsToPage(r, keyById, afterKey, lastKey));
    if (prime) for (const n of page) this.loaders.concept.prime(n.concept.id, n.concept);
    const cursorOf = (k: NodeKey): string => encodeCursor(scope, [String(k[0]), k[1], k[2]]);
    const first = page[0];
    return {
      center,
      nodes: page,
      relations,
      totalNodes: ordered.length,
      totalRelations: record.relations.length,
      pageInfo: {
        hasNextPage: remaining.length > page.length,
        hasPreviousPage: afterKey !== null,
        startCursor: first === undefined ? null : cursorOf(keyOf(first)),
        endCursor: lastKey === null ? null : cursorOf(lastKey),
      },
    };
  }
}

function belongsToPage(r: RelationRecord, keyById: ReadonlyMap<string, NodeKey>, afterKey: NodeKey | null, lastKey: NodeKey | null): boolean {
  const a = keyById.get(r.from);
  const b = keyById.get(r.to);
  if (a === undefined || b === undefined || lastKey === null) return false;
  const later = compareKeys(a, b) >= 0 ? a : b;
  return compareKeys(later, lastKey) <= 0 && (afterKey === null || compareKeys(later, afterKey) > 0);
}

function parseNodeKey(parts: string[]): NodeKey {
  const depth = Number(parts[0]);
  if (!Number.isInteger(depth) || depth < 0) throw new BadUserInputError("after", "is not a cursor returned by this API");
  return [depth, parts[1] ?? "", parts[2] ?? ""];
}

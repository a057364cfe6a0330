import { CONCEPT_VIEWS, TRANSITIVE_VIEW_DEPTH, type ConceptViewName } from "../domain/concept-views.js";
import { conceptSortKey } from "../domain/concept-sort-key.js";
import type { ConceptKind } from "../domain/concept-kind.js";
import { XREF_PREFIXES, parseCurie } from "../domain/cross-reference.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { RelationType } from "../domain/relation-type.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptFilter, ConceptOrder, ConceptRecord, Direction, RelationRecord } from "../store/store.types.js";
import { intInRange, nonEmptyOrNull, textOfLength } from "./argument-rules.js";
import { decodeCursor, encodeCursor } from "./cursor.codec.js";
import { evidenceFilterFrom, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
import type { RequestLoaders } from "./request-loaders.js";
import { reachedInContext, type ContextualConcept } from "./contextual-concept.js";
import type { ConnectionResult, RelationLinkResult } from "./service-results.types.js";
import type { ConceptSelection, RelationSelection } from "../plan/read-plan.js";
import { primeSources, shapeConcept, shapeRelation } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConceptListArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
  readonly orderBy?: ConceptOrder | null;
  readonly filter?: {
    readonly ids?: readonly string[] | null;
    readonly kinds?: readonly ConceptKind[] | null;
    readonly text?: string | null;
    readonly xref?: string | null;
    readonly hasRelation?: { readonly type?: RelationType | null; readonly direction?: Direction | null; readonly to?: string | null } | null;
    readonly dataset?: string | null;
  } | null;
}

export interface RelationListArgs {
  readonly conceptId: string;
  readonly direction?: Direction | null;
  readonly types?: readonly RelationType[] | null;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly evidence?: EvidenceFilterArgs | null;
}

/** Looks concepts up, pages through them, and follows the named link views of the schema. */
export class ConceptCatalogService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /** The concept with this id; NOT_FOUND when there is none. */
  async concept(id: string): Promise<ConceptRecord> {
    const found = await this.loaders.concept.load(id);
    if (found === null) throw new NotFoundError("Concept", id);
    return found;
  }

  /** The concept with this id and everything the selection follows from it, read in one plan (without a selection, as concept(id)); NOT_FOUND when there is none. */
  async plannedConcept(id: string, select: ConceptSelection | null): Promise<ContextualConcept> {
    if (select === null) return this.concept(id);
    const answer = await readPlan(this.loaders, { root: "concept", id, select });
    if (answer.value === null) throw new NotFoundError("Concept", id);
    primeSources(answer, this.loaders);
    return shapeConcept(answer.value, select, null, answer.knownSources);
  }

  /** The relation with this id; NOT_FOUND when there is none. */
  async relation(id: string): Promise<RelationRecord> {
    const found = await this.loaders.relation.load(id);
    if (found === null) throw new NotFoundError("Relation", id);
    return found;
  }

  /** The relation with this id and what the selection reads of it, in one plan (without a selection, as relation(id)); NOT_FOUND when there is none. */
  async plannedRelation(id: string, select: RelationSelection | null): Promise<RelationRecord> {
    if (select === null) return this.relation(id);
    const answer = await readPlan(this.loaders, { root: "relation", id, select });
    if (answer.value === null) throw new NotFoundError("Relation", id);
    primeSources(answer, this.loaders);
    return shapeRelation(answer.value, select, answer.knownSources);
  }

  /** A Relay connection over concepts with keyset cursors (first/after forward, last/before backward). */
  async concepts(args: ConceptListArgs): Promise<ConnectionResult<ConceptRecord>> {
    const order = args.orderBy ?? "NAME_ASC";
    const { forward, limit, cursorArg, cursor } = pagingPlan(args);
    const scope = `concepts:${order}`;
    const keyLength = order.startsWith("NAME") ? 2 : 1;
    const keyset = cursor === null ? null : decodeCursor(cursorArg, cursor, scope, keyLength);
    const filter = conceptFilter(args.filter ?? null);
    const page = await this.store.conceptPage({ filter, order, forward, limit, cursor: keyset });
    for (const c of page.items) this.loaders.concept.prime(c.id, c);
    const keyOf = (c: ConceptRecord): string[] => (keyLength === 2 ? [conceptSortKey(c.name), c.id] : [c.id]);
    const edges = page.items.map((node) => ({ cursor: encodeCursor(scope, keyOf(node)), node }));
    return {
      edges,
      nodes: page.items,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: forward ? page.hasMore : cursor !== null,
        hasPreviousPage: forward ? cursor !== null : page.hasMore,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** A page of a concept's relations ordered by relation id; NOT_FOUND for an unknown concept. */
  async relations(args: RelationListArgs): Promise<ConnectionResult<RelationLinkResult>> {
    const limit = intInRange("first", args.first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const scope = `relations:${args.conceptId}`;
    const after = args.after === null || args.after === undefined ? null : decodeCursor("after", args.after, scope, 1)[0] ?? null;
    const types = nonEmptyOrNull("types", args.types);
    const [, evidence] = await Promise.all([this.concept(args.conceptId), evidenceFilterFrom(args.evidence, this.loaders)]);
    const page = await this.loaders.relationPage.load({ conceptId: args.conceptId, direction: args.direction ?? "both", types, limit, after, evidence });
    const nodes = page.items.map((l) => ({ relation: l.relation, neighbor: l.concept, direction: l.direction }));
    const edges = nodes.map((node) => ({ cursor: encodeCursor(scope, [node.relation.id]), node }));
    return {
      edges,
      nodes,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /**
   * The distinct concepts a named view reaches from a concept along relations passing the evidence
   * filter, in the store's documented order. With a context, only relations that apply in it are
   * followed and the concepts carry it on to their own fields.
   */
  async viewConcepts(
    conceptId: string,
    viewName: ConceptViewName,
    context: SymptomContext | null = null,
    evidenceArgs: EvidenceFilterArgs | null = null,
  ): Promise<ContextualConcept[]> {
    const view = CONCEPT_VIEWS[viewName];
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    if (view.mode === "transitive") {
      const reached = await this.loaders.reach.load({
        conceptId,
        direction: view.direction,
        types: view.types,
        kinds: view.kinds,
        maxDepth: TRANSITIVE_VIEW_DEPTH,
        evidence,
      });
      return reached.map((r) => r.concept);
    }
    const links = await this.loaders.links.load({ conceptId, direction: view.direction, types: view.types, kinds: view.kinds, context, evidence });
    const seen = new Set<string>();
    const distinct = links.map((l) => l.concept).filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
    return reachedInContext(distinct, context);
  }

  /** The relations of a concept in one direction and of the given types, with the neighbour at the other end. */
  async viewLinks(conceptId: string, direction: Direction, types: readonly RelationType[] | null, kinds: readonly ConceptKind[] | null): Promise<RelationLinkResult[]> {
    const links = await this.loaders.links.load({ conceptId, direction, types, kinds, context: null });
    return links.map((l) => ({ relation: l.relation, neighbor: l.concept, direction: l.direction }));
  }
}

function pagingPlan(args: ConceptListArgs): { forward: boolean; limit: number; cursorArg: string; cursor: string | null } {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  const hasAfter = args.after !== null && args.after !== undefined;
  const hasBefore = args.before !== null && args.before !== undefined;
  if (hasFirst && hasLast) throw new BadUserInputError("last", "cannot be combined with first");
  if (hasLast || hasBefore) {
    if (hasAfter) throw new BadUserInputError("after", "cannot be combined with last/before");
    return { forward: false, limit: intInRange("last", args.last ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE), cursorArg: "before", cursor: args.before ?? null };
  }
  return { forward: true, limit: intInRange("first", args.first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE), cursorArg: "after", cursor: args.after ?? null };
}

function conceptFilter(input: ConceptListArgs["filter"]): ConceptFilter {
  if (input === null || input === undefined) return {};
  const filter: { -readonly [K in keyof ConceptFilter]: ConceptFilter[K] } = {};
  const ids = nonEmptyOrNull("filter.ids", input.ids);
  if (ids !== null) filter.ids = ids;
  const kinds = nonEmptyOrNull("filter.kinds", input.kinds);
  if (kinds !== null) filter.kinds = kinds;
  if (input.text !== null && input.text !== undefined) filter.text = conceptSortKey(textOfLength("filter.text", input.text, 1, 100));
  if (input.xref !== null && input.xref !== undefined) {
    const xref = input.xref.trim();
    if (xref.includes(":")) {
      const parsed = parseCurie(xref);
      if (!parsed.ok) throw new BadUserInputError("filter.xref", parsed.reason, `a CURIE such as MESH:D013035, or a prefix: ${XREF_PREFIXES.join(", ")}`);
      filter.xrefCurie = `${parsed.prefix}:${parsed.localId}`;
    } else {
      const prefix = xref.toUpperCase();
      if (!(XREF_PREFIXES as readonly string[]).includes(prefix)) {
        throw new BadUserInputError("filter.xref", `"${xref}" is not a known prefix`, XREF_PREFIXES.join(", "));
      }
      filter.xrefPrefix = prefix;
    }
  }
  if (input.hasRelation !== null && input.hasRelation !== undefined) {
    filter.hasRelation = {
      type: input.hasRelation.type ?? null,
      direction: input.hasRelation.direction ?? "both",
      otherId: input.hasRelation.to ?? null,
    };
  }
  if (input.dataset !== null && input.dataset !== undefined) filter.dataset = input.dataset;
  return filter;
}

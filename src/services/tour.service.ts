import DataLoader from "dataloader";
import { SEED_ID_PATTERN } from "../domain/seed-fields.js";
import type { TourStep } from "../domain/tour.model.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import { PREFETCHED, type WithPrefetched } from "../plan/prefetched.js";
import type { ConceptSelection, RelationSelection } from "../plan/read-plan.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptRecord, RelationRecord, TourRecord } from "../store/store.types.js";
import type { ConceptCatalogService } from "./concept-catalog.service.js";
import { primeSources, shapeConcept, shapeRelation } from "./planned-shapes.js";
import { readPlan } from "./plan-reads.js";
import type { RequestLoaders } from "./request-loaders.js";

/** A TourStep field answered from a tour plan, under one response key. */
export interface TourStepField {
  readonly key: string;
  readonly field: "concepts" | "relations" | "focus";
}

/** What a tour plan reads of every concept and relation the steps show (null: none shown), and the step fields that show them. */
export interface TourSelections {
  readonly concepts: ConceptSelection | null;
  readonly relations: RelationSelection | null;
  readonly stepFields: readonly TourStepField[];
}

/** The list, or its first error: a step's list fails as a whole, as its resolver's Promise.all would. */
function allOrFirstError<T>(values: readonly (T | Error)[]): T[] | Error {
  return values.find((v): v is Error => v instanceof Error) ?? (values as T[]);
}

/** Longest tour id accepted as an argument; longer ones cannot exist and are a client mistake. */
export const MAX_TOUR_ID_LENGTH = 100;

/** Guided tours and what their steps highlight; the concepts and relations come through the request's loaders. */
export class TourService {
  private all: Promise<TourRecord[]> | null = null;
  private readonly byId: DataLoader<string, TourRecord | null>;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly catalog: ConceptCatalogService,
    private readonly loaders: RequestLoaders,
  ) {
    this.byId = new DataLoader<string, TourRecord | null>((ids) => store.toursByIds(ids));
  }

  /** Every tour in seed order (fetched once per request); with selections, with what their steps show, in one plan. */
  async tours(selections: TourSelections | null = null): Promise<TourRecord[]> {
    if (selections !== null) return this.plannedTours(null, selections);
    this.all ??= this.store.tours().then((tours) => {
      for (const t of tours) this.byId.prime(t.id, t);
      return tours;
    });
    return this.all;
  }

  /** The tour with this id (with selections, with what its steps show, in one plan); BAD_USER_INPUT when the id cannot be a tour id, NOT_FOUND when there is none. */
  async tour(id: string, selections: TourSelections | null = null): Promise<TourRecord> {
    if (id.length > MAX_TOUR_ID_LENGTH || !SEED_ID_PATTERN.test(id)) {
      throw new BadUserInputError(
        "id",
        `must be a tour id: lower-case words joined by hyphens, at most ${MAX_TOUR_ID_LENGTH} characters, e.g. sports-injury-to-spasm`,
        `kebab-case, 1..${MAX_TOUR_ID_LENGTH} characters`,
      );
    }
    const [found] = selections === null ? [await this.byId.load(id)] : await this.plannedTours([id], selections);
    if (found === null || found === undefined) throw new NotFoundError("Tour", id);
    return found;
  }

  /** The tours (every one for null ids) with the concepts and relations of their steps read in one plan, on the steps under their response keys. */
  private async plannedTours(ids: readonly string[] | null, selections: TourSelections): Promise<TourRecord[]> {
    const answer = await readPlan(this.loaders, { root: "tours", ids, concepts: selections.concepts, relations: selections.relations });
    primeSources(answer, this.loaders);
    const { concepts, relations } = answer.value;
    const concept = (id: string): ConceptRecord | Error => {
      const found = concepts.get(id);
      return found === undefined || selections.concepts === null ? new NotFoundError("Concept", id) : shapeConcept(found, selections.concepts, null, answer.knownSources);
    };
    const relation = (id: string): RelationRecord | Error => {
      const found = relations.get(id);
      return found === undefined || selections.relations === null ? new NotFoundError("Relation", id) : shapeRelation(found, selections.relations, answer.knownSources);
    };
    const step = (s: TourStep): TourStep & WithPrefetched => {
      const prefetched = new Map<string, unknown>();
      for (const { key, field } of selections.stepFields) {
        if (field === "concepts") prefetched.set(key, allOrFirstError(s.conceptIds.map(concept)));
        else if (field === "relations") prefetched.set(key, allOrFirstError(s.relationIds.map(relation)));
        else prefetched.set(key, s.focusId === null ? null : concept(s.focusId));
      }
      return { ...s, [PREFETCHED]: prefetched };
    };
    return answer.value.tours.map((t) => ({ ...t, steps: t.steps.map(step) }));
  }

  /** The concepts a step highlights, in the step's order. */
  stepConcepts(step: TourStep): Promise<ConceptRecord[]> {
    return Promise.all(step.conceptIds.map((id) => this.catalog.concept(id)));
  }

  /** The relations a step highlights, in the step's order. */
  stepRelations(step: TourStep): Promise<RelationRecord[]> {
    return Promise.all(step.relationIds.map((id) => this.catalog.relation(id)));
  }

  /** The concept a step centres on, or null when it fits every highlighted concept. */
  async stepFocus(step: TourStep): Promise<ConceptRecord | null> {
    return step.focusId === null ? null : this.catalog.concept(step.focusId);
  }
}

import DataLoader from "dataloader";
import { SEED_ID_PATTERN } from "../domain/seed-fields.js";
import type { TourStep } from "../domain/tour.model.js";
import { BadUserInputError, NotFoundError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { ConceptRecord, RelationRecord, TourRecord } from "../store/store.types.js";
import type { ConceptCatalogService } from "./concept-catalog.service.js";

/** Longest tour id accepted as an argument; longer ones cannot exist and are a client mistake. */
export const MAX_TOUR_ID_LENGTH = 100;

/** Guided tours and what their steps highlight; the concepts and relations come through the request's loaders. */
export class TourService {
  private all: Promise<TourRecord[]> | null = null;
  private readonly byId: DataLoader<string, TourRecord | null>;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly catalog: ConceptCatalogService,
  ) {
    this.byId = new DataLoader<string, TourRecord | null>((ids) => store.toursByIds(ids));
  }

  /** Every tour in seed order (fetched once per request). */
  tours(): Promise<TourRecord[]> {
    this.all ??= this.store.tours().then((tours) => {
      for (const t of tours) this.byId.prime(t.id, t);
      return tours;
    });
    return this.all;
  }

  /** The tour with this id; BAD_USER_INPUT when the id cannot be a tour id, NOT_FOUND when there is none. */
  async tour(id: string): Promise<TourRecord> {
    if (id.length > MAX_TOUR_ID_LENGTH || !SEED_ID_PATTERN.test(id)) {
      throw new BadUserInputError(
        "id",
        `must be a tour id: lower-case words joined by hyphens, at most ${MAX_TOUR_ID_LENGTH} characters, e.g. sports-injury-to-spasm`,
        `kebab-case, 1..${MAX_TOUR_ID_LENGTH} characters`,
      );
    }
    const found = await this.byId.load(id);
    if (found === null) throw new NotFoundError("Tour", id);
    return found;
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

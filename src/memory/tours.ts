import type { Tour } from "../domain/tour.model.js";
import { compareTours } from "../store/record-order.js";

/** The validated tours held in memory, ready in the store's documented order. */
export class TourCatalog {
  private readonly ordered: readonly Tour[];
  private readonly byId: ReadonlyMap<string, Tour>;

  constructor(tours: readonly Tour[]) {
    this.ordered = [...tours].sort(compareTours);
    this.byId = new Map(tours.map((t) => [t.id, t]));
  }

  /** Every tour by (position, id). */
  all(): Tour[] {
    return [...this.ordered];
  }

  /** The tour with each id, null where unknown. */
  byIds(ids: readonly string[]): (Tour | null)[] {
    return ids.map((id) => this.byId.get(id) ?? null);
  }
}

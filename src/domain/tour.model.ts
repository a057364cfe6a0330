/**
 * Guided tours: curated, step-by-step stories through the graph for teaching. A tour only points at
 * concepts and relations by id; the validator guarantees that every id resolves.
 */

export interface TourStep {
  /** 1-based place of the step in its tour. */
  readonly position: number;
  readonly title: string;
  /** What the step explains, in our own words. */
  readonly narrative: string;
  /** Concepts to highlight, in the order the narrative introduces them. */
  readonly conceptIds: readonly string[];
  /** Relations to highlight, in the order the narrative uses them; both ends are among conceptIds. */
  readonly relationIds: readonly string[];
  /** The concept to centre the view on, one of conceptIds; null to fit every highlighted concept. */
  readonly focusId: string | null;
}

export interface Tour {
  readonly id: string;
  readonly title: string;
  /** One or two sentences on what the tour shows. */
  readonly summary: string;
  /** Who the tour is written for, e.g. a school year; null when it is for anyone. */
  readonly audience: string | null;
  /** The seed folder the tour comes from. */
  readonly dataset: string;
  /** 0-based place of the tour in seed order (dataset folder, file name, entry order). */
  readonly position: number;
  /** In position order, positions 1..n. */
  readonly steps: readonly TourStep[];
}

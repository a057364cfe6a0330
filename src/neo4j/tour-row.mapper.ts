import type { TourStep } from "../domain/tour.model.js";
import type { TourRecord } from "../store/store.types.js";

type Raw = Record<string, unknown>;

const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => ((v ?? []) as unknown[]).map(String);

/** Maps a toursQuery() row to a record, steps ordered by position. */
export function toTourRecord(raw: unknown): TourRecord {
  const t = raw as Raw;
  const steps = ((t["steps"] ?? []) as Raw[]).map(
    (s): TourStep => ({
      position: Number(s["position"]),
      title: String(s["title"]),
      narrative: String(s["narrative"]),
      conceptIds: strings(s["conceptIds"]),
      relationIds: strings(s["relationIds"]),
      focusId: strOrNull(s["focusId"]),
    }),
  );
  return {
    id: String(t["id"]),
    title: String(t["title"]),
    summary: String(t["summary"]),
    audience: strOrNull(t["audience"]),
    dataset: String(t["dataset"]),
    position: Number(t["position"]),
    steps: steps.sort((a, b) => a.position - b.position),
  };
}

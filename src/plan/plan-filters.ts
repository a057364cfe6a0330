import type { EvidenceFilter } from "../domain/evidence-filter.js";
import type { ReadPlan } from "./read-plan.js";

const sourcesByObject = new WeakMap<object, readonly string[]>();

/** Every source id the plan's evidence filters name (each `evidence` field of a plan is a filter), each once. */
export function filterSourcesOf(plan: ReadPlan): string[] {
  return [...new Set(filterSources(plan))];
}

/** Selections are reused across requests, so what each object names is remembered. */
function filterSources(value: unknown): readonly string[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap(filterSources);
  const known = sourcesByObject.get(value);
  if (known !== undefined) return known;
  const found: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (key === "evidence") found.push(...((field as EvidenceFilter | null | undefined)?.sources ?? []));
    else found.push(...filterSources(field));
  }
  sourcesByObject.set(value, found);
  return found;
}

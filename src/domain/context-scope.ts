import type { SymptomContext } from "./qualifier.js";

/**
 * When a relation applies. A relation's `context` qualifier limits it to one situation; a relation
 * without one applies in every context. Exercise is a kind of movement, so what holds during
 * movement also holds during exercise (but not the other way round: pain that builds during
 * exercise says nothing about a short walk).
 */
const BROADER_CONTEXT: Readonly<Record<SymptomContext, SymptomContext | null>> = {
  at_rest: null,
  during_movement: null,
  during_exercise: "during_movement",
};

/** The relation contexts that apply when the question is asked in `asked`: itself and every broader one. */
export function contextsApplyingIn(asked: SymptomContext): SymptomContext[] {
  const out: SymptomContext[] = [];
  for (let c: SymptomContext | null = asked; c !== null; c = BROADER_CONTEXT[c]) out.push(c);
  return out;
}

/** True when a relation qualified with `relationContext` (undefined = none) holds in the asked context (null = any). */
export function relationAppliesIn(relationContext: SymptomContext | undefined, asked: SymptomContext | null): boolean {
  if (asked === null || relationContext === undefined) return true;
  return contextsApplyingIn(asked).includes(relationContext);
}

import type { SymptomContext } from "../domain/qualifier.js";
import type { ConceptRecord } from "../store/store.types.js";

/**
 * A concept reached while answering a question in a context (for example a symptom listed by
 * `symptoms(context: AT_REST)`). Nested fields that follow context-qualified relations use the
 * inherited context when their own `context` argument is absent, so an answer never mixes contexts.
 */
export type ContextualConcept = ConceptRecord & { readonly inheritedContext?: SymptomContext };

/** The context a nested field answers in: its own argument, else the one its parent was reached in, else none. */
export function effectiveContext(parent: ContextualConcept, own: SymptomContext | null | undefined): SymptomContext | null {
  return own ?? parent.inheritedContext ?? null;
}

/** The records marked with the context they were reached in; unchanged when there is none. */
export function reachedInContext(records: readonly ConceptRecord[], context: SymptomContext | null): ContextualConcept[] {
  return context === null ? [...records] : records.map((r) => ({ ...r, inheritedContext: context }));
}

import type { CurationProblem } from "../domain/curation-check.js";

/** How the written entry relates to the mutation's arguments. */
export type WriteShape =
  /** createConcept / updateConcept: the entry is `input`. */
  | { readonly kind: "concept" }
  /** addRelation: the entry is `input`, its evidence `input.evidence[i]`. */
  | { readonly kind: "relation" }
  /** addEvidence: only the entry's evidence at `index` comes from the input, as `input.evidence`. */
  | { readonly kind: "evidence"; readonly index: number }
  /** A retraction: nothing is written, the problems are what the removal breaks, named after `id`. */
  | { readonly kind: "retraction" };

/** A problem as the client sees it: the input field and why. */
export interface InputProblem {
  readonly field: string;
  readonly reason: string;
}

const SPAN_END = /\b(ends?|end of|past the end|outside)\b/;

/** A seed locator field (source, section, span) as the input locator's field, `span` naming the end that is wrong. */
function locatorField(field: string, reason: string): string {
  if (field === "source" || field === "section") return `locator.${field}`;
  if (field === "span") return SPAN_END.test(reason) ? "locator.end" : "locator.start";
  return field;
}

/** A field of one seed evidence entry (e.g. "span", "claim") as the field of an EvidenceInput. */
function evidenceField(rest: string, reason: string): string {
  const [head, ...tail] = rest.split(".");
  const mapped = locatorField(head ?? "", reason);
  return [mapped, ...tail].filter((p) => p !== "").join(".");
}

/** A seed field of a concept entry as a field of the concept input (a mention is a LocatorInput). */
function conceptField(field: string, reason: string): string {
  const mention = /^mentions\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (mention !== null) {
    const part = mention[2] === "span" ? (SPAN_END.test(reason) ? "end" : "start") : mention[2];
    return `mentions[${mention[1]}]${part === undefined ? "" : `.${part}`}`;
  }
  return field;
}

/**
 * The input field a validator problem is about, named like a seed issue names its field
 * (e.g. `input.evidence[0].locator.start`). A problem found in another entry (a tour that uses a
 * retracted relation, a concept that already has the same exact cross-reference) is reported on
 * the mutation's main argument, naming that entry.
 */
export function inputProblemOf(problem: CurationProblem, shape: WriteShape): InputProblem {
  const root = shape.kind === "retraction" ? "id" : "input";
  if (!problem.inWrittenEntry || shape.kind === "retraction") {
    const field = problem.field === "" ? "" : ` field "${problem.field}"`;
    return { field: root, reason: `would leave ${problem.where} entry "${problem.entryId ?? "?"}"${field} invalid: ${problem.reason}` };
  }
  if (problem.field === "") return { field: root, reason: problem.reason };
  const evidence = /^evidence\[(\d+)\](?:\.(.+))?$/.exec(problem.field);
  if (shape.kind === "evidence") {
    if (evidence === null || Number(evidence[1]) !== shape.index) return { field: root, reason: `makes the relation invalid: ${problem.field} ${problem.reason}` };
    const rest = evidence[2] === undefined ? "" : evidenceField(evidence[2], problem.reason);
    return { field: rest === "" ? "input.evidence" : `input.evidence.${rest}`, reason: problem.reason };
  }
  if (shape.kind === "relation" && evidence !== null) {
    const rest = evidence[2] === undefined ? "" : evidenceField(evidence[2], problem.reason);
    return { field: `input.evidence[${evidence[1]}]${rest === "" ? "" : `.${rest}`}`, reason: problem.reason };
  }
  return { field: `input.${shape.kind === "concept" ? conceptField(problem.field, problem.reason) : problem.field}`, reason: problem.reason };
}

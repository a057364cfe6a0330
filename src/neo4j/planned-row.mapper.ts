import { compareCodeUnits } from "../domain/path-ranking.js";
import type { ConceptSelection, RelationSelection } from "../plan/read-plan.js";
import type { PlannedConcept, PlannedLinkResult, PlannedRelation } from "../plan/plan-result.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { ConceptRecord, EvidenceRecord } from "../store/store.types.js";
import { toEvidenceRecord, toRelationRecord } from "./neo4j-row.mapper.js";
import { CONCEPT_VIEWS } from "../domain/concept-views.js";

/** Maps the projections of a compiled read plan (cypher/read-plan.compiler.ts) to planned records. */

type Raw = Record<string, unknown>;

const byPosition = (a: Raw, b: Raw): number => Number(a["position"]) - Number(b["position"]);

/** A concept carrying only the selected properties, with its planned links under their response keys. */
export function toPlannedConcept(raw: unknown, select: ConceptSelection): PlannedConcept {
  const r = raw as Raw;
  const record: Record<string, unknown> = {};
  for (const prop of select.properties) {
    const value = r[prop];
    if (prop === "xrefs") {
      record["xrefs"] = [...((value ?? []) as Raw[])].sort(byPosition).map((x) => ({ prefix: String(x["prefix"]), localId: String(x["localId"]), curie: String(x["curie"]), match: String(x["match"]) }));
    } else if (prop === "mentions") {
      record["mentions"] = [...((value ?? []) as Raw[])].sort(byPosition).map((m) => ({ sourceId: String(m["sourceId"]), sectionId: String(m["sectionId"]), start: Number(m["start"]), end: Number(m["end"]) }));
    } else if (prop === "synonyms") record["synonyms"] = ((value ?? []) as unknown[]).map(String);
    else if (prop === "modality" || prop === "urgency") record[prop] = value === null || value === undefined ? null : String(value);
    else record[prop] = String(value);
  }
  const links = new Map<string, PlannedLinkResult>();
  select.links.forEach((link, i) => {
    // A link of another kind's type came back empty: several kinds may use one response key for different links.
    if (link.parentKinds !== null && !link.parentKinds.includes(record["kind"] as ConceptRecord["kind"])) return;
    const items = (r[`l${i}`] ?? []) as Raw[];
    if (link.link === "view") {
      const transitive = CONCEPT_VIEWS[link.view].mode === "transitive";
      const mapped = items.map((x) => ({ order: transitive ? Number(x["distance"]) : String(x["rid"]), concept: toPlannedConcept(x["c"], link.select) }));
      // Direct views: by neighbour, then relation id (compareLinks); transitive views: by distance, then neighbour (compareReached).
      mapped.sort((a, b) =>
        transitive
          ? (a.order as number) - (b.order as number) || compareConceptsByName(a.concept.record, b.concept.record)
          : compareConceptsByName(a.concept.record, b.concept.record) || compareCodeUnits(a.order as string, b.order as string),
      );
      links.set(link.key, { link: "view", concepts: mapped.map((m) => m.concept) });
    } else if (link.link === "interventions") {
      const mapped = items.map((x) => ({ treatment: toPlannedConcept(x["treatment"], link.treatment), relation: toPlannedRelation(x["relation"], link.relation) }));
      mapped.sort((a, b) => compareConceptsByName(a.treatment.record, b.treatment.record) || compareCodeUnits(a.relation.record.id, b.relation.record.id));
      links.set(link.key, { link: "interventions", items: mapped });
    } else {
      const mapped = items.map((x) => ({
        treatment: toPlannedConcept(x["treatment"], link.treatment),
        relation: toPlannedRelation(x["relation"], link.relation),
        target: toPlannedConcept(x["target"], link.target),
      }));
      mapped.sort((a, b) => compareConceptsByName(a.treatment.record, b.treatment.record) || compareCodeUnits(a.relation.record.id, b.relation.record.id));
      links.set(link.key, { link: "treatmentOptions", items: mapped });
    }
  });
  return { record: record as unknown as ConceptRecord, links };
}

/** A relation with, when selected, its evidence in position order under each evidence response key. */
export function toPlannedRelation(raw: unknown, select: RelationSelection): PlannedRelation {
  const r = raw as Raw;
  const record = toRelationRecord(r);
  if (select.evidenceKeys.length === 0) return { record, evidence: new Map() };
  const evidence: EvidenceRecord[] = [...((r["evidence"] ?? []) as Raw[])].sort(byPosition).map(toEvidenceRecord);
  return { record, evidence: new Map(select.evidenceKeys.map((key) => [key, evidence])) };
}

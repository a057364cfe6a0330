import { CONCEPT_VIEWS } from "../domain/concept-views.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { ConceptSelection, EvidenceSelection, RelationSelection } from "../plan/read-plan.js";
import type { PlannedConcept, PlannedEvidence, PlannedLinkResult, PlannedRelation } from "../plan/plan-result.js";
import { compareConceptsByName } from "../store/record-order.js";
import type { ConceptRecord, SourceRecord } from "../store/store.types.js";
import { toEvidenceRecord, toRelationRecord, toSourceRecord } from "./neo4j-row.mapper.js";

type Raw = Record<string, unknown>;

const byPosition = (a: Raw, b: Raw): number => Number(a["position"]) - Number(b["position"]);

/**
 * Maps the projections of a compiled read plan (cypher/plan-projector.cypher.ts) to planned records,
 * re-sorting every list by the shared orders, and keeps the sources the projected evidence carries.
 * One instance per statement answered.
 */
export class PlannedRows {
  private readonly sources = new Map<string, SourceRecord>();

  /** The distinct sources carried by the evidence mapped so far. */
  sourceRecords(): SourceRecord[] {
    return [...this.sources.values()];
  }

  /** A concept carrying only the selected properties, with its planned links under their response keys. */
  concept(raw: unknown, select: ConceptSelection): PlannedConcept {
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
        const mapped = items.map((x) => ({ order: transitive ? Number(x["distance"]) : String(x["rid"]), concept: this.concept(x["c"], link.select) }));
        // Direct views: by neighbour, then relation id (compareLinks); transitive views: by distance, then neighbour (compareReached).
        mapped.sort((a, b) =>
          transitive
            ? (a.order as number) - (b.order as number) || compareConceptsByName(a.concept.record, b.concept.record)
            : compareConceptsByName(a.concept.record, b.concept.record) || compareCodeUnits(a.order as string, b.order as string),
        );
        links.set(link.key, { link: "view", concepts: mapped.map((m) => m.concept) });
      } else if (link.link === "interventions") {
        const mapped = items.map((x) => ({ treatment: this.concept(x["treatment"], link.treatment), relation: this.relation(x["relation"], link.relation) }));
        mapped.sort((a, b) => compareConceptsByName(a.treatment.record, b.treatment.record) || compareCodeUnits(a.relation.record.id, b.relation.record.id));
        links.set(link.key, { link: "interventions", items: mapped });
      } else {
        const mapped = items.map((x) => ({
          treatment: this.concept(x["treatment"], link.treatment),
          relation: this.relation(x["relation"], link.relation),
          target: this.concept(x["target"], link.target),
        }));
        mapped.sort((a, b) => compareConceptsByName(a.treatment.record, b.treatment.record) || compareCodeUnits(a.relation.record.id, b.relation.record.id));
        links.set(link.key, { link: "treatmentOptions", items: mapped });
      }
    });
    return { record: record as unknown as ConceptRecord, links };
  }

  /** A relation with its planned evidence lists (by position) and ends under their response keys. */
  relation(raw: unknown, select: RelationSelection): PlannedRelation {
    const r = raw as Raw;
    const evidence = new Map(
      select.evidenceLists.map((list, i) => [list.key, [...((r[`ev${i}`] ?? []) as Raw[])].sort(byPosition).map((e) => this.evidence(e, list.select))] as const),
    );
    const ends = new Map(select.ends.map((end, i) => [end.key, this.concept(r[`end${i}`], end.select)] as const));
    return { record: toRelationRecord(r), evidence, ends };
  }

  /** An evidence record with its planned relations; its sources, when projected, are kept for sourceRecords(). */
  evidence(raw: unknown, select: EvidenceSelection): PlannedEvidence {
    const e = raw as Raw;
    for (const source of (e["sources"] ?? []) as Raw[]) this.sources.set(String(source["id"]), toSourceRecord(source));
    const relations = new Map<string, PlannedRelation>();
    select.relations.forEach((planned, i) => {
      const found = e[`rel${i}`];
      if (found !== null && found !== undefined) relations.set(planned.key, this.relation(found, planned.select));
    });
    return { record: toEvidenceRecord(e), relations };
  }
}

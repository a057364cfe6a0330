import type { ConceptKind } from "../domain/concept-kind.js";
import type { CrossReference } from "../domain/cross-reference.js";
import type { Locator } from "../domain/knowledge-graph.model.js";
import { QUALIFIER_KEYS, type Qualifiers } from "../domain/qualifier.js";
import type { RelationType } from "../domain/relation-type.js";
import type { ConceptRecord, EvidenceRecord, Link, PathRecord, RelationRecord, SourceRecord } from "../store/store.types.js";

/** Row shapes produced by the projections in cypher/projections.cypher.ts, mapped to store records. */

type Raw = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v);
const byPosition = (a: Raw, b: Raw): number => num(a["position"]) - num(b["position"]);

/** Maps a conceptMap() projection to a record, ordering xrefs and mentions as the seed lists them. */
export function toConceptRecord(raw: unknown): ConceptRecord {
  const r = raw as Raw;
  const xrefs = [...((r["xrefs"] ?? []) as Raw[])].sort(byPosition);
  const mentions = [...((r["mentions"] ?? []) as Raw[])].sort(byPosition);
  return {
    id: str(r["id"]),
    kind: str(r["kind"]) as ConceptKind,
    name: str(r["name"]),
    synonyms: ((r["synonyms"] ?? []) as unknown[]).map(str),
    summary: str(r["summary"]),
    xrefs: xrefs.map(
      (x): CrossReference => ({
        prefix: str(x["prefix"]) as CrossReference["prefix"],
        localId: str(x["localId"]),
        curie: str(x["curie"]),
        match: str(x["match"]) as CrossReference["match"],
      }),
    ),
    mentions: mentions.map(
      (m): Locator => ({ sourceId: str(m["sourceId"]), sectionId: str(m["sectionId"]), start: num(m["start"]), end: num(m["end"]) }),
    ),
    modality: strOrNull(r["modality"]) as ConceptRecord["modality"],
    urgency: strOrNull(r["urgency"]) as ConceptRecord["urgency"],
    dataset: str(r["dataset"]),
  };
}

/** Maps a relationMap() projection to a record, dropping absent qualifiers. */
export function toRelationRecord(raw: unknown): RelationRecord {
  const r = raw as Raw;
  const qualifiers: Record<string, string> = {};
  for (const key of QUALIFIER_KEYS) {
    const value = r[key];
    if (value !== null && value !== undefined) qualifiers[key] = String(value);
  }
  return {
    id: str(r["id"]),
    type: str(r["type"]) as RelationType,
    from: str(r["from"]),
    to: str(r["to"]),
    qualifiers: qualifiers as Qualifiers,
    evidenceCount: num(r["evidenceCount"]),
    dataset: str(r["dataset"]),
  };
}

/** Maps an evidenceMap() projection to a record. */
export function toEvidenceRecord(raw: unknown): EvidenceRecord {
  const e = raw as Raw;
  return {
    id: str(e["id"]),
    relationId: str(e["relationId"]),
    sourceId: str(e["sourceId"]),
    citedSourceId: strOrNull(e["citedSourceId"]),
    locator: { sourceId: str(e["sourceId"]), sectionId: str(e["sectionId"]), start: num(e["start"]), end: num(e["end"]) },
    claim: str(e["claim"]),
    reasoning: strOrNull(e["reasoning"]),
    knowledgeLevel: str(e["knowledgeLevel"]) as EvidenceRecord["knowledgeLevel"],
    agentType: str(e["agentType"]) as EvidenceRecord["agentType"],
  };
}

/** Maps a source row (node map plus its sections) to a record, sections in document order. */
export function toSourceRecord(raw: unknown): SourceRecord {
  const s = raw as Raw;
  const sections = [...((s["sections"] ?? []) as Raw[])].sort(byPosition);
  const length = s["length"];
  return {
    id: str(s["id"]),
    kind: str(s["kind"]) as SourceRecord["kind"],
    title: str(s["title"]),
    description: str(s["description"]),
    citedBy: strOrNull(s["citedBy"]),
    textFile: strOrNull(s["textFile"]),
    length: length === null || length === undefined ? null : num(length),
    sha256: strOrNull(s["sha256"]),
    sections: sections.map((x) => ({
      id: str(x["id"]),
      heading: strOrNull(x["heading"]),
      label: str(x["label"]),
      start: num(x["start"]),
      end: num(x["end"]),
    })),
  };
}

/** Maps a row holding `nodes` and `relations` lists to a path record. */
export function toPathRecord(row: Raw): PathRecord {
  return {
    nodes: ((row["nodes"] ?? []) as unknown[]).map(toConceptRecord),
    relations: ((row["relations"] ?? []) as unknown[]).map(toRelationRecord),
  };
}

/** Maps a {relation, concept, direction} row to a link. */
export function toLinkRecord(raw: unknown): Link {
  const l = raw as Raw;
  return { relation: toRelationRecord(l["relation"]), concept: toConceptRecord(l["concept"]), direction: l["direction"] === "in" ? "in" : "out" };
}

/**
 * One comparable shape per question of the mix, so the answers of our API, the peer and raw Cypher can be
 * compared although each nests them differently. Lists whose order is part of the answer (causal paths, by the
 * shared ranking; the nodes and relations along a path; synonyms) keep their order. Lists with no order in the
 * question (symptoms, treatments, causes, neighbourhood members, search matches) are sorted by id, because each
 * setup returns them in its own order: ours by name, the peer and raw Cypher in whatever order Neo4j finds them.
 */
type Json = any;

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const sortedBy = <T>(items: readonly T[], key: (x: T) => string): T[] => [...items].sort(byKey(key));
const ref = (c: Json) => ({ id: String(c.id), name: String(c.name) });
const refs = (cs: readonly Json[] | null | undefined) => sortedBy((cs ?? []).map(ref), (c) => c.id);
const lower = (s: unknown): string => String(s).toLowerCase();

export interface ConceptShape {
  id: string;
  kind: string;
  name: string;
  synonyms: string[];
  summary: string;
  biolinkCategory: string | null;
  xrefs: { curie: string; match: string }[];
}

/** A concept looked up by id; the kind is compared in lower case (GraphQL enum value vs stored value). */
export function conceptShape(c: Json, xrefs: readonly { curie: unknown; match: unknown }[]): ConceptShape | null {
  if (c === null || c === undefined) return null;
  return {
    id: String(c.id),
    kind: lower(c.kind),
    name: String(c.name),
    synonyms: [...(c.synonyms ?? [])].map(String),
    summary: String(c.summary),
    biolinkCategory: c.biolinkCategory ?? null,
    xrefs: sortedBy(xrefs.map((x) => ({ curie: String(x.curie), match: lower(x.match) })), (x) => x.curie),
  };
}

/** A condition with its symptoms (each with what aggravates and relieves it), treatment options and root causes. */
export function overviewShape(
  condition: Json,
  symptoms: readonly Json[],
  treatments: readonly { treatment: Json; actsOn: readonly { target: Json; type: unknown }[] }[],
  causes: readonly Json[],
) {
  if (condition === null || condition === undefined) return null;
  return {
    ...ref(condition),
    symptoms: sortedBy(
      symptoms.map((s) => ({ ...ref(s), aggravatedBy: refs(s.aggravatedBy), relievedBy: refs(s.relievedBy) })),
      (s) => s.id,
    ),
    treatments: sortedBy(
      treatments.map((t) => ({
        treatment: ref(t.treatment),
        actsOn: sortedBy(
          t.actsOn.map((a) => ({ target: ref(a.target), type: String(a.type) })),
          (a) => `${a.target.id} ${a.type}`,
        ),
      })),
      (t) => t.treatment.id,
    ),
    causes: refs(causes),
  };
}

/** Causal paths in ranked order; each relation's evidence as a set (sorted by locator, then claim). */
export function pathsShape(paths: readonly { hops: unknown; nodes: readonly Json[]; relations: readonly Json[] }[]) {
  return paths.map((p) => ({
    hops: Number(p.hops),
    nodes: p.nodes.map(ref),
    relations: p.relations.map((r) => ({
      id: String(r.id),
      type: String(r.type),
      evidence: sortedBy(
        (r.evidence as Json[]).map((e) => ({ claim: String(e.claim), start: Number(e.start), end: Number(e.end) })),
        (e) => `${String(e.start).padStart(9, "0")} ${String(e.end).padStart(9, "0")} ${e.claim}`,
      ),
    })),
  }));
}

/** A neighbourhood: its size, members with their ring, and the relations among them. */
export function neighbourhoodShape(totalNodes: unknown, nodes: readonly Json[], edges: readonly Json[]) {
  return {
    totalNodes: Number(totalNodes),
    nodes: sortedBy(
      nodes.map((n) => ({ id: String(n.id), label: String(n.label), kind: lower(n.kind), depth: Number(n.depth) })),
      (n) => n.id,
    ),
    edges: sortedBy(
      edges.map((e) => ({ id: String(e.id), source: String(e.source), target: String(e.target), type: String(e.type) })),
      (e) => e.id,
    ),
  };
}

/** The concepts a search matched, as a set: each setup ranks them by its own score (ours, or Lucene's). */
export function searchShape(concepts: readonly Json[]) {
  return sortedBy(
    concepts.map((c) => ({ id: String(c.id), name: String(c.name), kind: lower(c.kind) })),
    (c) => c.id,
  );
}

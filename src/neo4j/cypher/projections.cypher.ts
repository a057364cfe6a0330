/**
 * Cypher fragments that project nodes and relationships into the plain maps the row mappers read.
 * They take a variable name chosen by the query builder (a fixed identifier, never input).
 */

/** Map projection of a :Concept node bound to `v`, with its cross-references and mentions. */
export function conceptMap(v: string): string {
  return `${v} {.id, .kind, .name, .synonyms, .summary, .modality, .urgency, .dataset,
    xrefs: [(${v})-[h:HAS_XREF]->(x:Xref) | {prefix: x.prefix, localId: x.localId, curie: x.curie, match: h.match, position: h.position}],
    mentions: [(${v})-[m:MENTIONED_IN]->(s:Source) | {sourceId: s.id, sectionId: m.sectionId, start: m.start, end: m.end, position: m.position}]}`;
}

/** Map of a graph relationship bound to `v`, with its ends and qualifiers. */
export function relationMap(v: string): string {
  return `{id: ${v}.id, type: type(${v}), from: startNode(${v}).id, to: endNode(${v}).id,
    evidenceCount: ${v}.evidenceCount, dataset: ${v}.dataset,
    context: ${v}.context, frequency: ${v}.frequency, onset: ${v}.onset, severity: ${v}.severity, course: ${v}.course,
    appliesWhen: ${v}.appliesWhen, timing: ${v}.timing}`;
}

/** Map of an :Evidence node bound to `v`. */
export function evidenceMap(v: string): string {
  return `${v} {.id, .relationId, .position, .claim, .reasoning, .knowledgeLevel, .agentType, .sourceId, .citedSourceId, .sectionId, .start, .end}`;
}

/** Map projection of a :Source node bound to `v`, with its sections. */
export function sourceMap(v: string): string {
  return `${v} {.id, .kind, .title, .description, .citedBy, .textFile, .length, .sha256,
  sections: [(${v})-[:HAS_SECTION]->(${v}_sec:Section) | ${v}_sec {.id, .heading, .label, .start, .end, .position}]}`;
}

/** The relationship pattern between `a` and `b` for a direction, from a fixed table. */
export function directedPattern(a: string, rel: string, b: string, direction: "out" | "in" | "both"): string {
  if (direction === "out") return `(${a})-[${rel}]->(${b})`;
  if (direction === "in") return `(${a})<-[${rel}]-(${b})`;
  return `(${a})-[${rel}]-(${b})`;
}

/** Variable-length bounds "*1..n" for a validated hop count, from a fixed table rather than string input. */
export function hopRange(maxHops: number): string {
  const range = Number.isInteger(maxHops) && maxHops >= 1 ? HOP_RANGES[maxHops] : undefined;
  if (range === undefined) throw new RangeError(`maxHops ${maxHops} is outside 1..${HOP_RANGES.length - 1}`);
  return range;
}

const HOP_RANGES: readonly string[] = ["", "*1..1", "*1..2", "*1..3", "*1..4", "*1..5", "*1..6", "*1..7", "*1..8", "*1..9", "*1..10", "*1..11", "*1..12", "*1..13", "*1..14", "*1..15"];

/** Path filter keeping simple paths only: no concept appears twice. */
export function simplePathPredicate(path: string): string {
  return `all(i IN range(0, size(nodes(${path})) - 2) WHERE NOT nodes(${path})[i] IN nodes(${path})[i + 1..])`;
}

/** Cypher expressions for the shared ranking: hop count, evidence total and the id key. */
export function pathRankColumns(rels: string): string {
  return `size(${rels}) AS hops,
    reduce(total = 0, r IN ${rels} | total + r.evidenceCount) AS evidence,
    reduce(key = '', r IN ${rels} | key + CASE key WHEN '' THEN '' ELSE ' ' END + r.id) AS key`;
}

/** Parameters every batched per-concept request shares: its position, concept, walk directions and types. */
export function conceptRequestParams(index: number, request: { conceptId: string; direction: "out" | "in" | "both"; types: readonly string[] | null }) {
  return {
    index,
    conceptId: request.conceptId,
    out: request.direction !== "in",
    in: request.direction !== "out",
    types: request.types === null ? null : [...request.types],
  };
}

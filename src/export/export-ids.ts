/**
 * Identifiers the KGX export gives our records. `kgx validate` rejects any node, subject or object
 * CURIE whose prefix is not in Biolink's JSON-LD context, and Biolink has no prefix for a dataset's
 * own ids, so concept and relation ids go under `schema:` (schema.org, a generic namespace Biolink
 * declares): `schema:back-muscle-spasm`. They are our ids, not schema.org terms. Sources are
 * information resources and use `infores:`, which is what `primary_knowledge_source` expects.
 */
export const CONCEPT_CURIE_PREFIX = "schema";
export const SOURCE_CURIE_PREFIX = "infores";

/** The exported CURIE of a concept or relation id. */
export function conceptCurie(id: string): string {
  return `${CONCEPT_CURIE_PREFIX}:${id}`;
}

/** The exported CURIE of a source id. */
export function sourceCurie(id: string): string {
  return `${SOURCE_CURIE_PREFIX}:${id}`;
}

/** Our id back from an exported CURIE of the given prefix; throws on any other prefix. */
export function localIdOf(curie: string, prefix: string): string {
  if (!curie.startsWith(`${prefix}:`)) throw new Error(`"${curie}" is not a ${prefix}: CURIE`);
  return curie.slice(prefix.length + 1);
}

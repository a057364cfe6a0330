import { LRUCache } from "lru-cache";

/**
 * The one text normalisation search uses, in both backends: what the in-process scan ranks, what the
 * Neo4j index stores, and what a query is split into all come from here, so any Unicode text gets the
 * same answer everywhere.
 */

/** Compatibility-normalised (NFKC) and case-folded text: "ＣＯＦＦＥＥ", "Straße" and "STRASSE" become "coffee", "strasse", "strasse". */
export function normaliseSearchText(text: string): string {
  // Upper then lower case folds what lower-casing alone keeps apart (ß/SS); final sigma folds to sigma as
  // in Unicode case folding (lower-casing picks it by position); NFKC again recomposes.
  return text.normalize("NFKC").toUpperCase().toLowerCase().replace(/ς/g, "σ").normalize("NFKC");
}

/** Words of a text after normalisation: runs of letters, combining marks and digits; everything else separates words. */
export function searchTokens(text: string): string[] {
  return normaliseSearchText(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * The words of texts that are ranked again and again (concept names, synonyms and summaries: the same
 * few thousand strings across requests), remembered by text. Normalising them was almost half of a
 * search request's CPU. Callers must not change the list they get.
 */
const tokenCache = new LRUCache<string, readonly string[]>({ max: 20_000 });

/** searchTokens, remembered by text for the texts search ranks on every request; the list is shared, never change it. */
export function rankedTextTokens(text: string): readonly string[] {
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    tokens = searchTokens(text);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/** Every distinct normalised word of the texts, space-separated: what a Neo4j search index holds for one record. */
export function recordSearchText(texts: readonly string[]): string {
  return [...new Set(texts.flatMap(searchTokens))].join(" ");
}

/** Every distinct word of a concept's name, synonyms and summary, space-separated: what the Neo4j index holds. */
export function conceptSearchText(concept: { readonly name: string; readonly synonyms: readonly string[]; readonly summary: string }): string {
  return recordSearchText([concept.name, ...concept.synonyms, concept.summary]);
}

/** The words a source is found by (title, kind, description), as the Neo4j source index holds them. */
export function sourceSearchText(source: { readonly title: string; readonly kind: string; readonly description: string }): string {
  return recordSearchText([source.title, source.kind, source.description]);
}

/** The words a claim is found by, as the Neo4j evidence index holds them. */
export function evidenceSearchText(evidence: { readonly claim: string }): string {
  return recordSearchText([evidence.claim]);
}

/** Standard vocabularies the graph cross-references, with the identifier shape each one uses. */
export const XREF_PREFIXES = ["MESH", "HP", "UBERON", "DRUGBANK"] as const;
export type XrefPrefix = (typeof XREF_PREFIXES)[number];

/** SKOS-style strength of a mapping between our concept and the standard term. */
export const XREF_MATCHES = ["exact", "close", "broad", "narrow", "related"] as const;
export type XrefMatch = (typeof XREF_MATCHES)[number];

interface PrefixRule {
  readonly pattern: RegExp;
  readonly url: (localId: string) => string;
  readonly name: string;
}

const PREFIX_RULES: Readonly<Record<XrefPrefix, PrefixRule>> = {
  MESH: {
    name: "Medical Subject Headings",
    pattern: /^[CD]\d{6,9}$/,
    url: (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}`,
  },
  HP: {
    name: "Human Phenotype Ontology",
    pattern: /^\d{7}$/,
    url: (id) => `https://hpo.jax.org/browse/term/HP:${id}`,
  },
  UBERON: {
    name: "Uberon anatomy ontology",
    pattern: /^\d{7}$/,
    url: (id) => `http://purl.obolibrary.org/obo/UBERON_${id}`,
  },
  DRUGBANK: {
    name: "DrugBank",
    pattern: /^DB\d{5}$/,
    url: (id) => `https://go.drugbank.com/drugs/${id}`,
  },
};

export interface CrossReference {
  readonly prefix: XrefPrefix;
  readonly localId: string;
  /** Compact URI, e.g. "MESH:D013035". */
  readonly curie: string;
  readonly match: XrefMatch;
}

export type CurieParse = { ok: true; prefix: XrefPrefix; localId: string } | { ok: false; reason: string };

/** Splits and checks a CURIE such as "HP:0003394"; the reason names what is wrong. */
export function parseCurie(curie: string): CurieParse {
  const colon = curie.indexOf(":");
  if (colon <= 0) return { ok: false, reason: `"${curie}" is not a CURIE of the form PREFIX:ID` };
  const prefix = curie.slice(0, colon).toUpperCase();
  const localId = curie.slice(colon + 1);
  if (!(XREF_PREFIXES as readonly string[]).includes(prefix)) {
    return { ok: false, reason: `prefix "${curie.slice(0, colon)}" is not one of ${XREF_PREFIXES.join(", ")}` };
  }
  const rule = PREFIX_RULES[prefix as XrefPrefix];
  if (!rule.pattern.test(localId)) {
    return { ok: false, reason: `"${localId}" is not a valid ${prefix} identifier (expected ${rule.pattern.source})` };
  }
  return { ok: true, prefix: prefix as XrefPrefix, localId };
}

/** The public page for an identifier of a known prefix. */
export function crossReferenceUrl(prefix: XrefPrefix, localId: string): string {
  return PREFIX_RULES[prefix].url(localId);
}

/** The human name of a vocabulary prefix. */
export function prefixName(prefix: XrefPrefix): string {
  return PREFIX_RULES[prefix].name;
}

import type { ConceptFilter, ConceptOrder, ConceptPageRequest } from "../../store/store.types.js";
import type { CypherQuery } from "./cypher-query.js";
import { conceptMap, directedPattern } from "./projections.cypher.js";

interface OrderPlan {
  readonly keys: readonly ("nameSort" | "id")[];
  readonly descending: boolean;
}

const ORDER_PLANS: Readonly<Record<ConceptOrder, OrderPlan>> = {
  NAME_ASC: { keys: ["nameSort", "id"], descending: false },
  NAME_DESC: { keys: ["nameSort", "id"], descending: true },
  ID_ASC: { keys: ["id"], descending: false },
  ID_DESC: { keys: ["id"], descending: true },
};

/** The WHERE conditions for a concept filter, built from fixed fragments; values travel as parameters. */
function conceptFilterClauses(filter: ConceptFilter): { clauses: string[]; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.ids !== undefined) {
    clauses.push("c.id IN $ids");
    params["ids"] = [...filter.ids];
  }
  if (filter.kinds !== undefined && filter.kinds.length === 1) {
    // Equality, not IN: with one kind the (kind, nameSort, id) index gives the page in order.
    clauses.push("c.kind = $kind");
    params["kind"] = filter.kinds[0];
  } else if (filter.kinds !== undefined) {
    clauses.push("c.kind IN $kinds");
    params["kinds"] = [...filter.kinds];
  }
  if (filter.text !== undefined) {
    clauses.push("(c.nameSort CONTAINS $text OR any(s IN c.synonymsSort WHERE s CONTAINS $text))");
    params["text"] = filter.text;
  }
  if (filter.xrefCurie !== undefined) {
    clauses.push("EXISTS { MATCH (c)-[:HAS_XREF]->(:Xref {curie: $xrefCurie}) }");
    params["xrefCurie"] = filter.xrefCurie;
  }
  if (filter.xrefPrefix !== undefined) {
    clauses.push("EXISTS { MATCH (c)-[:HAS_XREF]->(x:Xref) WHERE x.prefix = $xrefPrefix }");
    params["xrefPrefix"] = filter.xrefPrefix;
  }
  if (filter.hasRelation !== undefined && filter.hasRelation.otherId !== null) {
    // conceptMatch starts from the other end; only the concept's label is left to check.
    clauses.push("c:Concept");
  } else if (filter.hasRelation !== undefined) {
    const pattern = directedPattern("c", "r", "o:Concept", filter.hasRelation.direction);
    clauses.push(`EXISTS { MATCH ${pattern} WHERE ($relType IS NULL OR type(r) = $relType) AND ($relOther IS NULL OR o.id = $relOther) }`);
    params["relType"] = filter.hasRelation.type;
    params["relOther"] = filter.hasRelation.otherId;
  }
  if (filter.dataset !== undefined) {
    clauses.push("c.dataset = $dataset");
    params["dataset"] = filter.dataset;
  }
  return { clauses, params };
}

/**
 * The MATCH binding `c` to the candidates of a filter: every concept, or, when the filter names the
 * concept at the other end of a relation, that concept's neighbours (one index seek, then its
 * relationships), so the page reads the neighbours rather than checking every concept.
 */
function conceptMatch(filter: ConceptFilter, params: Record<string, unknown>): string {
  const related = filter.hasRelation;
  if (related === undefined || related.otherId === null) return "MATCH (c:Concept)";
  params["relType"] = related.type;
  params["relOther"] = related.otherId;
  return `MATCH (o:Concept {id: $relOther})
        MATCH ${directedPattern("c", "r", "o", related.direction)} WHERE $relType IS NULL OR type(r) = $relType
        WITH DISTINCT c`;
}

/**
 * One keyset page of concepts plus the total count for the filter, in one round trip. Fetches one
 * item beyond the limit so the caller can tell whether another page exists.
 */
export function conceptPageQuery(request: ConceptPageRequest): CypherQuery {
  const plan = ORDER_PLANS[request.order];
  // Walking backwards flips the order; the store reverses the rows afterwards.
  const descending = plan.descending !== !request.forward;
  const dir = descending ? "DESC" : "ASC";
  const { clauses, params } = conceptFilterClauses(request.filter);
  const filterWhere = clauses.length === 0 ? "true" : clauses.join(" AND ");
  const match = conceptMatch(request.filter, params);
  // A predicate on the first sort key lets an index hand the rows over in order, so a page reads its own
  // rows rather than sorting every match: without a cursor IS NOT NULL (every concept has both keys), with
  // one a range on that key (the OR of the tie-break stays off the first key for the same reason).
  let keyset = plan.keys.map((k) => `c.${k} IS NOT NULL`).join(" AND ");
  if (request.cursor !== null) {
    const cmp = descending ? "<" : ">";
    const back = descending ? ">=" : "<=";
    keyset = plan.keys.length === 2 ? `c.nameSort ${cmp}= $k0 AND c.id IS NOT NULL AND NOT (c.nameSort = $k0 AND c.id ${back} $k1)` : `c.id ${cmp} $k0`;
    request.cursor.forEach((value, i) => {
      params[`k${i}`] = value;
    });
  }
  const orderBy = plan.keys.map((k) => `c.${k} ${dir}`).join(", ");
  return {
    cypher: `
      CALL () { ${match} WHERE ${filterWhere} RETURN count(c) AS total }
      CALL () {
        ${match} WHERE ${filterWhere} AND ${keyset}
        WITH c ORDER BY ${orderBy} LIMIT toInteger($take)
        RETURN collect(${conceptMap("c")}) AS items
      }
      RETURN total, items`,
    params: { ...params, take: request.limit + 1 },
  };
}

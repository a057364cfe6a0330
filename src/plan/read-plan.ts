import type { ConceptKind } from "../domain/concept-kind.js";
import type { ConceptViewName } from "../domain/concept-views.js";
import type { EvidenceFilter } from "../domain/evidence-filter.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { NeighborhoodRequest, PathRequest, RootPathRequest, TextSearchRequest } from "../store/store.types.js";

/**
 * A backend-neutral read plan: what one root field of a GraphQL operation needs from the graph,
 * as a tree of the link views it follows, with the record properties each level needs. A backend
 * answers a whole plan at once (Neo4j in one statement); fields a plan does not name are answered
 * the old way, through the per-request loaders.
 */

/** Record properties a concept can carry. */
export const CONCEPT_PROPERTIES = ["id", "kind", "name", "synonyms", "summary", "modality", "urgency", "dataset", "xrefs", "mentions"] as const;
export type ConceptProperty = (typeof CONCEPT_PROPERTIES)[number];

/** Properties every planned concept carries: identity, the GraphQL type, and the name every order uses. */
export const IDENTITY_PROPERTIES: readonly ConceptProperty[] = ["id", "kind", "name"];

/** What is read of one concept: its properties (in CONCEPT_PROPERTIES order) and the links followed from it. */
export interface ConceptSelection {
  readonly properties: readonly ConceptProperty[];
  readonly links: readonly LinkPlan[];
}

/** What is read of one relation (always its whole record) beyond the record: its evidence lists and its ends. */
export interface RelationSelection {
  readonly evidenceLists: readonly EvidenceListPlan[];
  readonly ends: readonly RelationEndPlan[];
}

/** Relation.evidence under one response key: the evidence passing its filter (all for none), by position. */
export interface EvidenceListPlan {
  readonly key: string;
  readonly evidence: EvidenceFilter | null;
  readonly select: EvidenceSelection;
}

/** What is read of one evidence record (always whole) beyond the record. */
export interface EvidenceSelection {
  /**
   * Whether the records of its source and cited source are read too (whole), for `source`,
   * `citedSource` and the locator's `source`, `section`, `quote` and `context`.
   */
  readonly sources: boolean;
  /** Evidence.relation, under each of its response keys. */
  readonly relations: readonly EvidenceRelationPlan[];
}

/** Evidence.relation under one response key. */
export interface EvidenceRelationPlan {
  readonly key: string;
  readonly select: RelationSelection;
}

/** Relation.from or Relation.to under one response key. */
export interface RelationEndPlan {
  readonly key: string;
  readonly end: "from" | "to";
  readonly select: ConceptSelection;
}

interface LinkBase {
  /** The response key (alias or field name) the result is delivered under. */
  readonly key: string;
  /** Kinds of parent concept the link applies to (fields of one kind's type); null for every kind. */
  readonly parentKinds: readonly ConceptKind[] | null;
  /** Only relations with at least one evidence record matching this filter are followed; null for every relation. */
  readonly evidence: EvidenceFilter | null;
}

/** A named concept view (CONCEPT_VIEWS), direct or transitive. */
export interface ViewLinkPlan extends LinkBase {
  readonly link: "view";
  readonly view: ConceptViewName;
  /** The context the view answers in (its own argument, else inherited); null for none. */
  readonly context: SymptomContext | null;
  readonly select: ConceptSelection;
}

/** A condition's treatment options, grouped by treatment (Condition.treatments). */
export interface TreatmentOptionsLinkPlan extends LinkBase {
  readonly link: "treatmentOptions";
  readonly treatment: ConceptSelection;
  readonly target: ConceptSelection;
  readonly relation: RelationSelection;
}

/** Treatments acting directly on the concept (Concept.interventions). */
export interface InterventionsLinkPlan extends LinkBase {
  readonly link: "interventions";
  readonly context: SymptomContext | null;
  readonly treatment: ConceptSelection;
  readonly relation: RelationSelection;
}

export type LinkPlan = ViewLinkPlan | TreatmentOptionsLinkPlan | InterventionsLinkPlan;

/** One concept by id. */
export interface ConceptPlan {
  readonly root: "concept";
  readonly id: string;
  readonly select: ConceptSelection;
}

/** Ranked simple paths between two concepts, with the existence of both ends. */
export interface PathsPlan {
  readonly root: "paths";
  readonly request: PathRequest;
  readonly nodes: ConceptSelection;
  readonly relations: RelationSelection;
}

/** The depth-bounded neighbourhood of a concept, with the centre itself. */
export interface NeighborhoodPlan {
  readonly root: "neighborhood";
  readonly request: NeighborhoodRequest;
  readonly center: ConceptSelection;
  readonly nodes: ConceptSelection;
}

/** One relation by id. */
export interface RelationPlan {
  readonly root: "relation";
  readonly id: string;
  readonly select: RelationSelection;
}

/** What a root reads of every concept and every relation it holds, each read once with the union of what its positions select. */
export interface ConceptAndRelationSelections {
  readonly concepts: ConceptSelection;
  readonly relations: RelationSelection;
}

/**
 * What an explanation of `request.to` reads: the concept, the root paths into it, and for the
 * concept and every concept on those paths the treatments acting on it and the concepts feeding into
 * it, and the treatments acting on those. Every concept is read with `concepts`, every relation with `relations`.
 */
export interface ExplainPlan extends ConceptAndRelationSelections {
  readonly root: "explain";
  readonly request: RootPathRequest;
}

/** Search candidates of every requested kind (concepts and sources whole), claims with `claims` read of each. */
export interface SearchAllPlan {
  readonly root: "searchAll";
  readonly request: TextSearchRequest;
  readonly claims: EvidenceSelection;
}

/** Tours (every one for null ids) with the concepts and relations their steps highlight (null: not read). */
export interface ToursPlan {
  readonly root: "tours";
  readonly ids: readonly string[] | null;
  readonly concepts: ConceptSelection | null;
  readonly relations: RelationSelection | null;
}

export type ReadPlan = ConceptPlan | PathsPlan | NeighborhoodPlan | RelationPlan | ExplainPlan | SearchAllPlan | ToursPlan;

/** Every property: what a concept needs when some of its fields are answered outside the plan. */
export const ALL_PROPERTIES: readonly ConceptProperty[] = CONCEPT_PROPERTIES;

/** A selection of every property and no links. */
export const FULL_SELECTION: ConceptSelection = { properties: ALL_PROPERTIES, links: [] };

/** A relation read as its record alone: every field beyond it is answered by its resolver. */
export const RECORD_ONLY: RelationSelection = { evidenceLists: [], ends: [] };

/** Evidence read as its record alone. */
export const EVIDENCE_ONLY: EvidenceSelection = { sources: false, relations: [] };

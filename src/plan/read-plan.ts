import type { ConceptKind } from "../domain/concept-kind.js";
import type { ConceptViewName } from "../domain/concept-views.js";
import type { SymptomContext } from "../domain/qualifier.js";
import type { NeighborhoodRequest, PathRequest } from "../store/store.types.js";

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

/** What is read of one relation: the response keys under which its (unfiltered) evidence is asked for. */
export interface RelationSelection {
  readonly evidenceKeys: readonly string[];
}

interface LinkBase {
  /** The response key (alias or field name) the result is delivered under. */
  readonly key: string;
  /** Kinds of parent concept the link applies to (fields of one kind's type); null for every kind. */
  readonly parentKinds: readonly ConceptKind[] | null;
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

export type ReadPlan = ConceptPlan | PathsPlan | NeighborhoodPlan;

/** Every property: what a concept needs when some of its fields are answered outside the plan. */
export const ALL_PROPERTIES: readonly ConceptProperty[] = CONCEPT_PROPERTIES;

/** A selection of every property and no links. */
export const FULL_SELECTION: ConceptSelection = { properties: ALL_PROPERTIES, links: [] };

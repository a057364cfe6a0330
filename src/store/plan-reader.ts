import type { ConceptPlan, ExplainPlan, NeighborhoodPlan, PathsPlan, RelationPlan, SearchAllPlan, ToursPlan } from "../plan/read-plan.js";
import type {
  PlanAnswer,
  PlannedConcept,
  PlannedExplanation,
  PlannedNeighborhood,
  PlannedPaths,
  PlannedRelation,
  PlannedSearchAll,
  PlannedTours,
} from "../plan/plan-result.js";

/**
 * Answers a whole read plan at once: on Neo4j in one statement, in memory directly. Lists come in
 * the orders KnowledgeStore documents, so a planned answer equals the level-by-level one. Every
 * answer also says which of the sources named by the plan's evidence filters exist, and carries the
 * sources of the evidence it read with `sources` selected.
 */
export interface PlanReader {
  /** The concept and everything its selection follows; null when the id is unknown. */
  readConcept(plan: ConceptPlan): Promise<PlanAnswer<PlannedConcept | null>>;

  /** Whether both ends exist, and the ranked paths between them (none when an end is missing). */
  readPaths(plan: PathsPlan): Promise<PlanAnswer<PlannedPaths>>;

  /** The centre and its whole neighbourhood; null when the centre is unknown. */
  readNeighborhood(plan: NeighborhoodPlan): Promise<PlanAnswer<PlannedNeighborhood | null>>;

  /** The relation and what its selection reads; null when the id is unknown. */
  readRelation(plan: RelationPlan): Promise<PlanAnswer<PlannedRelation | null>>;

  /** Everything an explanation is built from (see ExplainPlan); target null when the id is unknown. */
  readExplanation(plan: ExplainPlan): Promise<PlanAnswer<PlannedExplanation>>;

  /** Search candidates as textSearchCandidates finds them, claims with what the plan reads of them. */
  readSearchAll(plan: SearchAllPlan): Promise<PlanAnswer<PlannedSearchAll>>;

  /** The tours and what their steps highlight. */
  readTours(plan: ToursPlan): Promise<PlanAnswer<PlannedTours>>;
}

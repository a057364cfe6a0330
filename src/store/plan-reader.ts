import type { ConceptPlan, NeighborhoodPlan, PathsPlan } from "../plan/read-plan.js";
import type { PlannedConcept, PlannedNeighborhood, PlannedPaths } from "../plan/plan-result.js";

/**
 * Answers a whole read plan at once: on Neo4j in one statement, in memory directly. Lists come in
 * the orders KnowledgeStore documents, so a planned answer equals the level-by-level one.
 */
export interface PlanReader {
  /** The concept and everything its selection follows; null when the id is unknown. */
  readConcept(plan: ConceptPlan): Promise<PlannedConcept | null>;

  /** Whether both ends exist, and the ranked paths between them (none when an end is missing). */
  readPaths(plan: PathsPlan): Promise<PlannedPaths>;

  /** The centre and its whole neighbourhood; null when the centre is unknown. */
  readNeighborhood(plan: NeighborhoodPlan): Promise<PlannedNeighborhood | null>;
}

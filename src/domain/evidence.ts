/** Biolink knowledge levels (KnowledgeLevelEnum). */
export const KNOWLEDGE_LEVELS = [
  "knowledge_assertion",
  "logical_entailment",
  "prediction",
  "statistical_association",
  "observation",
  "not_provided",
] as const;
export type KnowledgeLevel = (typeof KNOWLEDGE_LEVELS)[number];

/** Biolink agent types (AgentTypeEnum). */
export const AGENT_TYPES = [
  "manual_agent",
  "automated_agent",
  "data_analysis_pipeline",
  "computational_model",
  "text_mining_agent",
  "image_processing_agent",
  "manual_validation_of_automated_agent",
  "not_provided",
] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

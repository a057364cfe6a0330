import type { Concept, KnowledgeGraph, Relation } from "../domain/knowledge-graph.model.js";
import { compareCodeUnits } from "../domain/path-ranking.js";
import type { ExportFile } from "../export/export-file.js";
import { exportFiles, type ExportFormat } from "../export/export-formats.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { RelationRecord } from "../store/store.types.js";
import type { RequestLoaders } from "./request-loaders.js";
import type { ExplanationResult, InterventionResult, PathSearchResult } from "./service-results.types.js";

/** The concepts and relations a query answer is made of. */
export interface SubgraphSelection {
  readonly conceptIds: readonly string[];
  readonly relationIds: readonly string[];
}

/** Everything the found paths pass through. */
export function pathSearchSelection(result: PathSearchResult): SubgraphSelection {
  return {
    conceptIds: result.paths.flatMap((p) => p.nodes.map((c) => c.id)),
    relationIds: result.paths.flatMap((p) => p.relations.map((r) => r.id)),
  };
}

/** The explained concept, every chain step and every treatment acting on them, with their relations. */
export function explanationSelection(result: ExplanationResult): SubgraphSelection {
  const interventions: InterventionResult[] = [...result.targetInterventions, ...result.chains.flatMap((c) => c.steps.flatMap((s) => s.interventions))];
  const relations: (RelationRecord | null)[] = [
    ...result.chains.flatMap((c) => c.steps.map((s) => s.relationToNext)),
    ...interventions.flatMap((i) => [i.relation, i.viaRelation]),
  ];
  return {
    conceptIds: [result.target.id, ...result.chains.flatMap((c) => c.steps.map((s) => s.concept.id)), ...interventions.flatMap((i) => [i.treatment.id, i.target.id])],
    relationIds: relations.filter((r): r is RelationRecord => r !== null).map((r) => r.id),
  };
}

/**
 * Query answers (neighbourhoods, causal pathways, explanations) as export files: the selected
 * concepts and relations with their evidence, and every source, in the same writers as the
 * whole-graph export.
 */
export class SubgraphExportService {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /**
   * The files of `format` for the selection; ids are de-duplicated and ordered as in a full export,
   * and the ends of every selected relation are included, so each edge has both of its nodes.
   */
  async export(format: ExportFormat, selection: SubgraphSelection): Promise<ExportFile[]> {
    const relationIds = [...new Set(selection.relationIds)].sort(compareCodeUnits);
    const [records, evidence, sources] = await Promise.all([
      this.loaders.relation.loadMany(relationIds),
      this.loaders.evidenceByRelation.loadMany(relationIds),
      this.store.allSources(),
    ]);
    const relations = records.flatMap((r, i): Relation[] => {
      const found = evidence[i];
      if (r === null || r instanceof Error || found === undefined || found instanceof Error) return [];
      return [{ id: r.id, type: r.type, from: r.from, to: r.to, qualifiers: r.qualifiers, dataset: r.dataset, evidence: found }];
    });
    const conceptIds = [...new Set([...selection.conceptIds, ...relations.flatMap((r) => [r.from, r.to])])].sort(compareCodeUnits);
    const concepts = await this.loaders.concept.loadMany(conceptIds);
    const graph: KnowledgeGraph = {
      sources: [...sources].sort((a, b) => compareCodeUnits(a.id, b.id)),
      concepts: concepts.filter((c): c is Concept => c !== null && !(c instanceof Error)),
      relations,
      tours: [],
    };
    return exportFiles(format, graph, {});
  }
}

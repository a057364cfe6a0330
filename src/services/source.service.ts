import type { SourceSection } from "../domain/knowledge-graph.model.js";
import { NotFoundError } from "../errors/app-errors.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { EvidenceRecord, SourceRecord } from "../store/store.types.js";
import { evidenceFilterFrom, type EvidenceFilterArgs } from "./evidence-filter.rules.js";
import type { RequestLoaders } from "./request-loaders.js";

/** Sources, their sections, their citations and the evidence they carry. */
export class SourceService {
  private all: Promise<SourceRecord[]> | null = null;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaders: RequestLoaders,
  ) {}

  /** Every source, ordered by id (fetched once per request). */
  allSources(): Promise<SourceRecord[]> {
    this.all ??= this.store.allSources().then((sources) => {
      for (const s of sources) this.loaders.source.prime(s.id, s);
      return sources;
    });
    return this.all;
  }

  /** The source with this id; NOT_FOUND when there is none. */
  async source(id: string): Promise<SourceRecord> {
    const found = await this.loaders.source.load(id);
    if (found === null) throw new NotFoundError("Source", id);
    return found;
  }

  /** A section of a source; NOT_FOUND when either is unknown. */
  async section(sourceId: string, sectionId: string): Promise<SourceSection> {
    const source = await this.source(sourceId);
    const section = source.sections.find((s) => s.id === sectionId);
    if (section === undefined) throw new NotFoundError("Section", `${sourceId}#${sectionId}`);
    return section;
  }

  /** Claims located in, or attributed to, the source that match the evidence filter, in text order. */
  async claims(sourceId: string, evidenceArgs: EvidenceFilterArgs | null = null): Promise<EvidenceRecord[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    return this.loaders.byEvidence(evidence).evidenceBySource.load(sourceId);
  }

  /** The evidence of a relation that matches the evidence filter, by position. */
  async evidenceOfRelation(relationId: string, evidenceArgs: EvidenceFilterArgs | null = null): Promise<EvidenceRecord[]> {
    const evidence = await evidenceFilterFrom(evidenceArgs, this.loaders);
    return this.loaders.byEvidence(evidence).evidenceByRelation.load(relationId);
  }

  /** Sources that name this one as their citing source, ordered by id. */
  async citedBy(sourceId: string): Promise<SourceRecord[]> {
    return (await this.allSources()).filter((s) => s.citedBy === sourceId);
  }
}

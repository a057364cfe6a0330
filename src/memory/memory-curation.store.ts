import { CurationRequiresNeo4jError } from "../errors/app-errors.js";
import type { ChangePage, CommitResult, CurationStore } from "../store/curation-store.js";

/**
 * The curation side of the in-process graph: it refuses every write. The in-process graph has no
 * durable journal, and a write that silently disappears on the next restart is worse than a write
 * refused with a clear error. It answers the reads as a freshly seeded Neo4j graph does: version 0,
 * no history, every concept and relation at version 1.
 */
export class MemoryCurationStore implements CurationStore {
  readonly writable = false;

  async graphVersion(): Promise<number> {
    return 0;
  }

  async changes(): Promise<ChangePage> {
    return { items: [], hasMore: false, totalCount: 0 };
  }

  /** Asked only for concepts this backend returned, so each is at the seeded version 1. */
  async conceptVersions(ids: readonly string[]): Promise<(number | null)[]> {
    return ids.map(() => 1);
  }

  /** Asked only for relations this backend returned, so each is at the seeded version 1. */
  async relationVersions(ids: readonly string[]): Promise<(number | null)[]> {
    return ids.map(() => 1);
  }

  async commit(): Promise<CommitResult> {
    throw new CurationRequiresNeo4jError();
  }
}

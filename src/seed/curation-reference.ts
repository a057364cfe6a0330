import type { CurationReference } from "../domain/curation-check.js";
import { readSeedFiles } from "./seed-files.reader.js";

/**
 * What curation writes are validated against besides the graph itself: the seed's sources and tours
 * files (sources are not curated through the API) and the source texts. Read once, on first use.
 */
export function curationReferenceLoader(seedDir: string, sourceTextDir: string): () => Promise<CurationReference> {
  let loading: Promise<CurationReference> | null = null;
  return () => {
    loading ??= readSeedFiles(seedDir, sourceTextDir)
      .then((read) => ({ files: read.input.files.filter((f) => f.kind === "sources" || f.kind === "tours"), sourceTexts: read.input.sourceTexts }))
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}

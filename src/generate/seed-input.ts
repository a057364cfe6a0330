import { createHash } from "node:crypto";
import type { SeedInput } from "../domain/seed-validator.js";
import type { SyntheticSeed } from "./synthetic-seed.js";

/**
 * The generated seed as the validator's input, without files: the same entries the written YAML would
 * hold, so `generate --load` validates (and refuses) exactly what `npm run seed` would.
 */
export function syntheticSeedInput(seed: SyntheticSeed): SeedInput {
  const at = (name: string) => `<generated>/${seed.dataset}/${name}.yaml`;
  return {
    files: [
      { path: at("sources"), dataset: seed.dataset, kind: "sources", data: { sources: seed.sources } },
      { path: at("concepts"), dataset: seed.dataset, kind: "concepts", data: { concepts: seed.concepts } },
      { path: at("relations"), dataset: seed.dataset, kind: "relations", data: { relations: seed.relations } },
    ],
    sourceTexts: new Map([[seed.sourceFileName, { text: seed.sourceText, sha256: createHash("sha256").update(seed.sourceText, "utf8").digest("hex") }]]),
  };
}

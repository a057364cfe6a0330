import { copyFile, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { SEED_DIR } from "./neo4j-test-env.js";

const DATASET = "back-muscle-spasm";
// Valid spans of the curated article, reused by every generated concept and relation.
const MENTION = { source: "back-spasm-article", section: "introduction", span: [134, 288] };
const EVIDENCE = { source: "back-spasm-article", section: "introduction", span: [518, 821], knowledgeLevel: "knowledge_assertion", agentType: "manual_agent" };

/**
 * Writes a valid seed of `clusters` x 100 generated concepts to a temporary folder (the curated
 * sources, so spans check against the real article) and returns the folder. Each cluster is a
 * condition with 40 symptoms and a 59-step mechanism chain that causes it; conditions form a ring.
 */
export async function writeLargeSeed(clusters = 20): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "kg-large-seed-"));
  await mkdir(path.join(dir, DATASET));
  await copyFile(path.join(SEED_DIR, DATASET, "sources.yaml"), path.join(dir, DATASET, "sources.yaml"));
  const concepts: Record<string, unknown>[] = [];
  const relations: Record<string, unknown>[] = [];
  const concept = (id: string, kind: string, name: string) =>
    concepts.push({ id, kind, name, synonyms: [], summary: `A generated ${kind} for measuring how the explorer draws large graphs.`, xrefs: [], mentions: [MENTION] });
  const relation = (id: string, type: string, from: string, to: string) =>
    relations.push({ id, type, from, to, evidence: [{ ...EVIDENCE, claim: `In this generated test graph, ${from} is linked to ${to}.` }] });
  for (let k = 0; k < clusters; k++) {
    const condition = `gen-condition-${k}`;
    concept(condition, "condition", `Generated condition ${k}`);
    for (let j = 0; j < 40; j++) {
      concept(`gen-symptom-${k}-${j}`, "symptom", `Generated symptom ${k}.${j}`);
      relation(`gen-has-symptom-${k}-${j}`, "HAS_SYMPTOM", condition, `gen-symptom-${k}-${j}`);
    }
    for (let j = 0; j < 59; j++) {
      concept(`gen-mechanism-${k}-${j}`, "mechanism", `Generated mechanism ${k}.${j}`);
      if (j > 0) relation(`gen-precedes-${k}-${j}`, "PRECEDES", `gen-mechanism-${k}-${j - 1}`, `gen-mechanism-${k}-${j}`);
    }
    relation(`gen-causes-${k}`, "CAUSES", `gen-mechanism-${k}-58`, condition);
    relation(`gen-ring-${k}`, "CONTRIBUTES_TO", condition, `gen-condition-${(k + 1) % clusters}`);
  }
  await writeFile(path.join(dir, DATASET, "concepts.yaml"), stringify({ concepts }, { aliasDuplicateObjects: false }));
  await writeFile(path.join(dir, DATASET, "relations.yaml"), stringify({ relations }, { aliasDuplicateObjects: false }));
  return dir;
}

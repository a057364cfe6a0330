import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("export layer import rules", () => {
  it("keep the export writers free of the driver, the stores and HTTP", async () => {
    expect(await restrictedImports("src/export/example.writer.ts", 'import neo4j from "neo4j-driver";\nexport const x = neo4j;\n')).toHaveLength(1);
    expect(await restrictedImports("src/export/example.writer.ts", 'import { InMemoryKnowledgeStore } from "../memory/in-memory-knowledge.store.js";\nexport const x = InMemoryKnowledgeStore;\n')).toHaveLength(1);
    expect(await restrictedImports("src/export/example.writer.ts", 'import { CONCEPT_KINDS } from "../domain/concept-kind.js";\nexport const x = CONCEPT_KINDS;\n')).toEqual([]);
  });
});

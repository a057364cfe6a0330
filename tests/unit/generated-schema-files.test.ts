import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { renderSchemaFiles } from "../../src/cli/schema-files.js";

describe("generated schema files", () => {
  it("match what the code builds: run `npm run schema` after changing the schema", async () => {
    const files = await renderSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(["constraints.cypher", "indexes.cypher", "schema.graphql"]);
    for (const [name, content] of Object.entries(files)) {
      const committed = await readFile(path.join(REPO_ROOT, "schema", name), "utf8");
      expect(committed, `schema/${name} is stale`).toBe(content);
    }
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/config.js";
import { CONCEPT_KINDS, CONCEPT_KIND_INFO } from "../../src/domain/concept-kind.js";
import { RELATION_TYPES, RELATION_TYPE_INFO } from "../../src/domain/relation-type.js";

/** Rows of the markdown table whose header starts with the given cell, as arrays of trimmed cells. */
function tableRows(markdown: string, firstHeader: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`| ${firstHeader} |`));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((c) => c.trim().replace(/^`|`$/g, "")));
  }
  return rows;
}

describe("the seed format guide", () => {
  it("documents every concept kind with its Biolink category, as the code maps it", async () => {
    const doc = await readFile(path.join(REPO_ROOT, "graph-seed", "README.md"), "utf8");
    const rows = tableRows(doc, "kind");
    expect(rows.map((r) => [r[0], r[1]])).toEqual(CONCEPT_KINDS.map((k) => [k, CONCEPT_KIND_INFO[k].biolinkCategory]));
  });

  it("documents every relation type with its Biolink predicate and match, as the code maps it", async () => {
    const doc = await readFile(path.join(REPO_ROOT, "graph-seed", "README.md"), "utf8");
    const rows = tableRows(doc, "type");
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
      RELATION_TYPES.map((t) => [t, RELATION_TYPE_INFO[t].biolinkPredicate, RELATION_TYPE_INFO[t].match, RELATION_TYPE_INFO[t].ownPredicate ?? "—"]),
    );
  });
});

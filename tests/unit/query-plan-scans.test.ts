import { describe, expect, it } from "vitest";
import type { PlanOperator } from "../../src/neo4j/neo4j-executor.js";
import { fullScans } from "../../src/neo4j/query-plan.js";

const op = (operator: string, details: string, ...children: PlanOperator[]): PlanOperator => ({ operator, details, children });
const indexScan = (): PlanOperator => op("NodeIndexScan", "RANGE INDEX c:Concept(nameSort, id) WHERE nameSort IS NOT NULL");

describe("full scans in a plan", () => {
  it("finds label scans and index scans of a growing label", () => {
    const plan = op("ProduceResults", "", op("Top", "c.nameSort ASC", op("NodeByLabelScan", "c:Concept")), indexScan());
    expect(fullScans(plan, ["Concept"]).map((f) => f.operator)).toEqual(["NodeByLabelScan", "NodeIndexScan"]);
  });

  it("lets an index scan pass when only a Limit reads it, through operators that pass every row on", () => {
    const plan = op("ProduceResults", "", op("Limit", "20", op("Projection", "c.id AS id", op("CacheProperties", "", indexScan()))));
    expect(fullScans(plan, ["Concept"])).toEqual([]);
  });

  it("finds an index scan behind a filter, which may read the whole index before the page fills", () => {
    const plan = op("Limit", "20", op("Filter", "c.kind = $kind", indexScan()));
    expect(fullScans(plan, ["Concept"]).map((f) => f.operator)).toEqual(["NodeIndexScan"]);
  });

  it("still finds an index scan that an eager operator reads in full before the limit", () => {
    const plan = op("Limit", "20", op("Top", "c.name ASC LIMIT 20", indexScan()));
    expect(fullScans(plan, ["Concept"]).map((f) => f.operator)).toEqual(["NodeIndexScan"]);
  });

  it("never lets a label scan pass, limit or not", () => {
    expect(fullScans(op("Limit", "20", op("NodeByLabelScan", "c:Concept")), ["Concept"]).map((f) => f.operator)).toEqual(["NodeByLabelScan"]);
  });
});

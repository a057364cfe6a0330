import { describe, expect, it } from "vitest";
import { allowedEdits, rankConcept, searchTokens } from "../../src/domain/search-ranking.js";
import { luceneQueryFor } from "../../src/neo4j/cypher/search-candidates.query.js";

const relaxant = { id: "muscle-relaxant", name: "Muscle relaxants", synonyms: ["muscle relaxant"], summary: "Loosens the muscle." };
const disc = { id: "disc-dislodgement", name: "Intervertebral disc dislodgement", synonyms: ["slipped disc"], summary: "A disc moves." };

describe("search ranking", () => {
  it("splits text into lower-case words on anything that is not a letter or digit", () => {
    expect(searchTokens("Anti-inflammatory DRUGS, 2x")).toEqual(["anti", "inflammatory", "drugs", "2x"]);
  });

  it("allows no typo in short words, one from four letters and two from eight", () => {
    expect([allowedEdits("ice"), allowedEdits("disc"), allowedEdits("relaxant"), allowedEdits("dislodgement")]).toEqual([0, 1, 2, 2]);
  });

  it("scores an exact name above a typo and a typo above a summary-only match", () => {
    const exact = rankConcept(["muscle", "relaxants"], relaxant);
    const typo = rankConcept(["muscle", "relaxnts"], relaxant);
    const summaryOnly = rankConcept(["loosens"], relaxant);
    expect(exact?.score).toBeGreaterThan(typo?.score ?? Infinity);
    expect(typo?.score).toBeGreaterThan(summaryOnly?.score ?? Infinity);
    expect(exact).toMatchObject({ field: "name", text: "Muscle relaxants" });
    expect(summaryOnly).toMatchObject({ field: "summary" });
  });

  it("reports the synonym that matches the whole query", () => {
    expect(rankConcept(["slipped", "disc"], disc)).toEqual({ score: 4.5, field: "synonym", text: "slipped disc" });
  });

  it("does not match unrelated words", () => {
    expect(rankConcept(["walking"], disc)).toBeNull();
    expect(rankConcept(["dis"], { ...disc, name: "Icing", synonyms: [], summary: "cold" })).toBeNull();
  });

  it("asks the full-text index for fuzzy and prefix forms of every term, never raw input", () => {
    expect(luceneQueryFor(["dsc", "dislodgment", "ab"])).toBe("dsc~2 OR dsc* OR dislodgment~2 OR dislodgment* OR ab~1 OR ab");
  });
});

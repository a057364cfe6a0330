import { describe, expect, it } from "vitest";
import { allowedEdits, rankConcept, searchTokens } from "../../src/domain/search-ranking.js";
import { conceptSearchText, rankedTextTokens } from "../../src/domain/search-text.js";
import { escapeLuceneTerm, luceneQueryFor } from "../../src/neo4j/cypher/search-candidates.query.js";

const relaxant = { id: "muscle-relaxant", name: "Muscle relaxants", synonyms: ["muscle relaxant"], summary: "Loosens the muscle." };
const disc = { id: "disc-dislodgement", name: "Intervertebral disc dislodgement", synonyms: ["slipped disc"], summary: "A disc moves." };

describe("search ranking", () => {
  it("remembers a ranked text's words: the same words as searchTokens, computed once per text", () => {
    const text = "Ｍuscle Straße spasm, ＣＯＦＦＥＥ";
    const first = rankedTextTokens(text);
    expect(first).toEqual(searchTokens(text));
    expect(rankedTextTokens(text)).toBe(first);
  });

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

  it("asks the full-text index for each term exactly, as a prefix from three letters and with the edits the ranking allows", () => {
    expect(luceneQueryFor(["dsc", "dislodgment", "ab", "disk"])).toBe("dsc OR dsc* OR dislodgment OR dislodgment* OR dislodgment~2 OR ab OR disk OR disk* OR disk~1");
  });

  it("escapes every character Lucene reads as syntax", () => {
    expect(escapeLuceneTerm('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p q')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p\\ q');
  });

  it("normalises compatibility forms and folds case the same way for every text", () => {
    expect(searchTokens("ＣＯＦＦＥＥ ﬁne Straße ΟΔΟΣ")).toEqual(["coffee", "fine", "strasse", "οδοσ"]);
    expect(searchTokens("コーヒー")).toEqual(["コーヒー"]);
    expect(searchTokens("donʼt disc's")).toEqual(["donʼt", "disc", "s"]);
    expect(searchTokens("हिन्दी")).toEqual(["हिन्दी"]);
  });

  it("indexes each distinct word of a concept once, as the ranking splits it", () => {
    expect(conceptSearchText(disc)).toBe("intervertebral disc dislodgement slipped a moves");
  });
});

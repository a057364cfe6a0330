import { describe, expect, it } from "vitest";
import { compareMixedHits, rankEvidence, rankSource } from "../../src/domain/record-search-ranking.js";
import { rankConcept } from "../../src/domain/search-ranking.js";

const clinic = { id: "clinic", kind: "organization", title: "Cedars-Sinai Medical Center", description: "A hospital the article cites." };
const claim = { id: "r#1", claim: "Stop exercising when the pain starts." };

describe("search ranking of sources and claims", () => {
  it("scores a source title like a concept name and reports it as TITLE", () => {
    const match = rankSource(["cedars", "sinai"], clinic);
    expect(match).toMatchObject({ field: "title", text: "Cedars-Sinai Medical Center" });
    expect(match?.score).toBe(rankConcept(["cedars", "sinai"], { id: "c", name: clinic.title, synonyms: [], summary: "" })?.score);
  });

  it("finds a source by its kind, with a typo", () => {
    expect(rankSource(["organisation"], clinic)).toMatchObject({ field: "kind", text: "organization" });
  });

  it("finds a claim by its own words or by the title of the source it cites, and not otherwise", () => {
    expect(rankEvidence(["exercisng"], claim, null)).toMatchObject({ field: "claim", text: claim.claim });
    expect(rankEvidence(["cedars"], claim, clinic.title)).toMatchObject({ field: "cited_source", text: clinic.title });
    expect(rankEvidence(["cedars"], claim, null)).toBeNull();
  });

  it("orders mixed hits by score, then concepts before sources before claims, then label and id", () => {
    const hits = [
      { target: "evidence", score: 2, label: "a", id: "e" },
      { target: "source", score: 2, label: "b", id: "s" },
      { target: "concept", score: 1, label: "a", id: "c" },
      { target: "concept", score: 2, label: "z", id: "c2" },
    ] as const;
    expect([...hits].sort(compareMixedHits).map((h) => h.id)).toEqual(["c2", "s", "e", "c"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gql, type GraphQLResponse } from "../support/graphql-client.js";
import { useBothBackendApis } from "../support/both-backends.js";
import { curatedGraph, noNeo4j } from "../support/neo4j-test-env.js";

/**
 * Search takes any Unicode text. Both backends must accept the same texts, refuse the same texts with
 * the same coded error, and rank the same hits: the normalisation is shared, whatever the script.
 * Set FC_SEED to replay a run.
 */

const graph = await curatedGraph();
const FC_SEED = process.env["FC_SEED"] === undefined ? undefined : Number(process.env["FC_SEED"]);
const runs = (numRuns: number) => ({ numRuns, ...(FC_SEED === undefined ? {} : { seed: FC_SEED }) });

const SEARCH = `query($text: String!) { search(text: $text, first: 50) { score matchedField matchedText concept { id } } }`;
const SEARCH_ALL = `query($text: String!) { searchAll(text: $text, first: 50) { __typename score matchedField matchedText
  ... on ConceptHit { concept { id } } ... on SourceHit { source { id } } ... on EvidenceHit { evidence { id } } } }`;

/** Texts the outside probe and Lucene's syntax make hostile, and Unicode forms the normalisation must fold. */
const HOSTILE = [
  "コーヒー",
  "ʼ",
  "donʼt spasm",
  "disc's",
  "ＢＡＣＫ ＰＡＩＮ",
  "ﬁbres",
  "MUSCLE SPASM",
  "STRASSE Straße",
  "ΟΔΟΣ οδος",
  "İstanbul",
  "ǅ",
  "pain OR *",
  "pain AND NOT spasm",
  'back "pain',
  "back\\pain",
  "sp?sm",
  "spasm~",
  "(pain)",
  "[a TO z]",
  "title:pain",
  "/regex/",
  "+pain -spasm",
  "①②③",
  "😀 spasm",
  "हिन्दी",
  "ab",
  "a",
  "s",
  "x".repeat(41),
  Array.from({ length: 11 }, (_, i) => `w${i}`).join(" "),
];

/** Words of the graph's names, source titles and claims, so random texts around them have hits to agree on. */
const words = [
  ...new Set(
    [
      ...graph.concepts.flatMap((c) => [c.name, ...c.synonyms]),
      ...graph.sources.flatMap((s) => [s.title, s.description]),
      ...graph.relations.flatMap((r) => r.evidence.map((e) => e.claim)),
    ].flatMap((t) => t.split(/\s+/)),
  ),
];

const anyText = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc
    .tuple(fc.constantFrom(...words), fc.string({ unit: "binary", maxLength: 4 }), fc.constantFrom(...words))
    .map(([a, glue, b]) => `${a}${glue}${b}`),
  fc.constantFrom(...HOSTILE),
);

describe.skipIf(noNeo4j)("search normalises any Unicode text the same way in both backends", () => {
  const apis = useBothBackendApis();

  const both = async (text: string, query = SEARCH): Promise<[GraphQLResponse, GraphQLResponse]> =>
    Promise.all([gql(apis.neo4j.url, query, { text }), gql(apis.memory.url, query, { text })]);

  it("answers the texts the probe found, and Lucene syntax, identically and never with an internal error", async () => {
    for (const query of [SEARCH, SEARCH_ALL]) {
      for (const text of HOSTILE) {
        const [fromNeo4j, fromMemory] = await both(text, query);
        const codes = (fromNeo4j.errors ?? []).map((e) => e.extensions?.["code"]);
        expect(codes.every((c) => c === "BAD_USER_INPUT"), `${text}: ${JSON.stringify(fromNeo4j.errors)}`).toBe(true);
        expect(JSON.stringify(fromNeo4j), text).toBe(JSON.stringify(fromMemory));
      }
    }
  });

  it("finds a source and the claims citing it whatever the width and case of the text", async () => {
    const [fromNeo4j, fromMemory] = await both("ＣＥＤＡＲＳ-ｓｉｎａｉ", SEARCH_ALL);
    const hits = (fromNeo4j.data as any).searchAll;
    expect(hits[0]).toMatchObject({ __typename: "SourceHit", source: { id: "cedars-sinai" } });
    expect(hits.some((h: any) => h.__typename === "EvidenceHit")).toBe(true);
    expect(JSON.stringify(fromNeo4j)).toBe(JSON.stringify(fromMemory));
  });

  it("finds a concept whatever the width and case of the text", async () => {
    const [fromNeo4j] = await both("ＢＡＣＫ ＭＵＳＣＬＥ ＳＰＡＳＭ");
    expect((fromNeo4j.data as any).search[0].concept.id).toBe("back-muscle-spasm");
  });

  it("gives the same JSON from both backends for arbitrary Unicode text", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const [fromNeo4j, fromMemory] = await both(text);
        for (const e of fromNeo4j.errors ?? []) expect(e.extensions?.["code"]).toBe("BAD_USER_INPUT");
        expect(JSON.stringify(fromNeo4j)).toBe(JSON.stringify(fromMemory));
      }),
      runs(200),
    );
  }, 120_000);

  it("gives the same JSON from both backends for arbitrary Unicode text searched across concepts, sources and claims", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const [fromNeo4j, fromMemory] = await both(text, SEARCH_ALL);
        for (const e of fromNeo4j.errors ?? []) expect(e.extensions?.["code"]).toBe("BAD_USER_INPUT");
        expect(JSON.stringify(fromNeo4j)).toBe(JSON.stringify(fromMemory));
      }),
      runs(150),
    );
  }, 180_000);
});

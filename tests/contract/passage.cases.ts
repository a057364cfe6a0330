import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

/** The article as this run reads it from ../shared (never stored in the repository). */
const articleText = (): string => readFileSync(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");

const PASSAGE = "quote context(chars: 120) { before quote after contextStart contextEnd }";

/** Checks a locator's quote and context against the article text at its span. */
function expectPassageMatchesText(text: string, l: any): void {
  expect(l.quote).toBe(text.slice(l.start, l.end));
  const c = l.context;
  expect(c.quote).toBe(l.quote);
  expect(c.contextStart).toBeLessThanOrEqual(l.start);
  expect(c.contextEnd).toBeGreaterThanOrEqual(l.end);
  expect(c.before + c.quote + c.after).toBe(text.slice(c.contextStart, c.contextEnd));
  expect(c.before.length).toBeLessThanOrEqual(120);
  expect(c.after.length).toBeLessThanOrEqual(120);
  // Context stays inside the passage's paragraphs: no blank line in what surrounds it.
  expect(c.before).not.toMatch(/\n\s*\n/);
  expect(c.after).not.toMatch(/\n\s*\n/);
}

export const passageCases: ContractCase<any>[] = [
  operation<{ sources: any[] }>(
    "quotes, for every evidence record, exactly the source text at its span, with its paragraph around it",
    `{ sources { id claims { id locator { start end source { id } ${PASSAGE} } } } }`,
    undefined,
    (r) => {
      const text = articleText();
      const claims = dataOf(r).sources.flatMap((s: any) => s.claims);
      expect(new Set(claims.map((e: any) => e.id)).size).toBeGreaterThanOrEqual(71);
      for (const e of claims) {
        expect(e.locator.source.id).toBe("back-spasm-article");
        expectPassageMatchesText(text, e.locator);
      }
    },
  ),

  operation<{ concepts: any }>(
    "quotes every concept mention from the source text",
    `{ concepts(first: 100) { edges { node { id mentions { start end ${PASSAGE} } } } } }`,
    undefined,
    (r) => {
      const text = articleText();
      const mentions = dataOf(r).concepts.edges.flatMap((e: any) => e.node.mentions);
      expect(mentions.length).toBeGreaterThan(0);
      for (const m of mentions) expectPassageMatchesText(text, m);
    },
  ),

  operation<{ relation: any }>(
    "shows a passage in its paragraph: the surrounding words, clipped to whole words",
    `{ relation(id: "sports-injury-dislodges-disc") { evidence { locator { start end context(chars: 40) { before quote after contextStart contextEnd } } } } }`,
    undefined,
    (r) => {
      const text = articleText();
      const [e] = dataOf(r).relation.evidence;
      const c = e.locator.context;
      expect(c.before.length).toBeGreaterThan(0);
      expect(c.before.length).toBeLessThanOrEqual(40);
      // Cut at a word boundary: the character before the context is blank space or a paragraph start.
      expect(c.contextStart === 0 || /\s/.test(text.charAt(c.contextStart - 1))).toBe(true);
      expect(c.contextEnd === text.length || /\s/.test(text.charAt(c.contextEnd))).toBe(true);
    },
  ),

  operation<{ relation: any }>(
    "with chars: 0, the context is the passage alone",
    `{ relation(id: "sports-injury-dislodges-disc") { evidence { locator { start end quote context(chars: 0) { before quote after } } } } }`,
    undefined,
    (r) => {
      const [e] = dataOf(r).relation.evidence;
      expect(e.locator.context).toEqual({ before: "", quote: e.locator.quote, after: "" });
    },
  ),

  operation(
    "rejects a context width out of range, naming the argument",
    `{ relation(id: "sports-injury-dislodges-disc") { evidence { locator { context(chars: 5000) { quote } } } } }`,
    undefined,
    (r) => {
      const error = onlyError(r);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "chars", allowed: "0..2000" });
    },
  ),
];

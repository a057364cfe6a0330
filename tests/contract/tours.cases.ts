import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { SOURCE_TEXT_DIR, curatedGraph } from "../support/neo4j-test-env.js";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

/** The tours as the seed files define them: what the API must serve, in both backends. */
const seedTours = (await curatedGraph()).tours;

const ids = (list: { id: string }[]): string[] => list.map((x) => x.id);

function noInternals(error: unknown): void {
  expect(JSON.stringify(error)).not.toMatch(/stack|neo4j|cypher/i);
}

export const tourCases: ContractCase<any>[] = [
  operation<{ tours: any[] }>(
    "lists every guided tour in seed order, each step with what to highlight and where to centre",
    `{ tours {
        id title summary audience dataset stepCount
        steps { position title narrative focus { id } concepts { __typename id } relations { id from { id } to { id } } }
    } }`,
    undefined,
    (r) => {
      const tours = dataOf(r).tours;
      expect(ids(tours)).toEqual(["sports-injury-to-spasm", "why-moving-hurts", "treatment-targets"]);
      expect(tours.map((t) => t.title)).toEqual(["From a sports injury to a spasm", "Why moving makes it worse", "What each treatment acts on"]);
      expect(tours.map((t) => t.audience)).toEqual(seedTours.map((t) => t.audience));
      expect(tours.find((t) => t.id === "treatment-targets")?.audience).toBeNull();
      tours.forEach((tour, i) => {
        const seed = seedTours[i];
        if (seed === undefined) throw new Error(`the API has a tour the seed lacks: ${tour.id}`);
        expect(tour).toMatchObject({ id: seed.id, summary: seed.summary, dataset: seed.dataset, stepCount: seed.steps.length });
        expect(tour.steps).toHaveLength(seed.steps.length);
        tour.steps.forEach((step: any, s: number) => {
          const expected = seed.steps[s];
          expect(step.position).toBe(s + 1);
          expect(step).toMatchObject({ title: expected?.title, narrative: expected?.narrative, focus: expected?.focusId === null ? null : { id: expected?.focusId } });
          expect(ids(step.concepts)).toEqual(expected?.conceptIds);
          expect(ids(step.relations)).toEqual(expected?.relationIds);
          const highlighted = new Set(ids(step.concepts));
          for (const relation of step.relations) {
            expect(highlighted.has(relation.from.id) && highlighted.has(relation.to.id), `${tour.id} step ${step.position} ${relation.id}`).toBe(true);
          }
          for (const concept of step.concepts) expect(concept.__typename).toMatch(/^[A-Z][A-Za-z]+$/);
        });
      });
    },
  ),

  operation<{ tour: any }>(
    "walks one tour step by step with the evidence and quoted passage of every highlighted relation",
    `{ tour(id: "sports-injury-to-spasm") {
        id stepCount
        steps { position focus { id name kind } relations { id type evidence { claim locator { start end quote section { id label } source { id } } } } }
    } }`,
    undefined,
    (r) => {
      const article = readFileSync(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");
      const tour = dataOf(r).tour;
      expect(tour.stepCount).toBe(tour.steps.length);
      expect(tour.steps[0].focus).toEqual({ id: "sports-back-injury", name: "Acute sports injury to the back", kind: "CAUSE" });
      expect(tour.steps.at(-1).focus.id).toBe("back-pain");
      const chain = tour.steps.flatMap((s: any) => ids(s.relations));
      expect(chain).toEqual(expect.arrayContaining(["sports-injury-dislodges-disc", "dislodged-disc-presses-on-ligament", "reflex-contraction-produces-spasm"]));
      for (const step of tour.steps) {
        for (const relation of step.relations) {
          expect(relation.evidence.length, relation.id).toBeGreaterThan(0);
          for (const e of relation.evidence) {
            expect(e.locator.end).toBeGreaterThan(e.locator.start);
            expect(e.locator.source.id).toBe("back-spasm-article");
            expect(e.locator.quote).toBe(article.slice(e.locator.start, e.locator.end));
          }
        }
      }
    },
  ),

  operation<{ a: any; b: any }>(
    "fetches several tours by id in one request",
    `{ a: tour(id: "treatment-targets") { id title stepCount } b: tour(id: "why-moving-hurts") { id title stepCount } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.a).toEqual({ id: "treatment-targets", title: "What each treatment acts on", stepCount: seedTours[2]?.steps.length });
      expect(d.b).toEqual({ id: "why-moving-hurts", title: "Why moving makes it worse", stepCount: seedTours[1]?.steps.length });
    },
  ),

  {
    name: "answers NOT_FOUND for an unknown tour id and BAD_USER_INPUT, naming the argument, for a malformed one",
    run: async (execute) => ({
      unknown: await execute(`{ tour(id: "tour-of-the-moon") { id } }`),
      concept: await execute(`{ tour(id: "back-muscle-spasm") { id } }`),
      malformed: await execute(`query($id: ID!) { tour(id: $id) { id } }`, { id: "Sports Injury!" }),
      tooLong: await execute(`query($id: ID!) { tour(id: $id) { id } }`, { id: "a".repeat(101) }),
      empty: await execute(`{ tour(id: "") { id } }`),
    }),
    check: (t: Record<string, any>) => {
      expect(t["unknown"].data).toBeNull();
      expect(onlyError(t["unknown"])).toMatchObject({
        message: 'Tour "tour-of-the-moon" was not found',
        path: ["tour"],
        extensions: { code: "NOT_FOUND", entity: "Tour", id: "tour-of-the-moon" },
      });
      expect(onlyError(t["concept"]).extensions).toMatchObject({ code: "NOT_FOUND", entity: "Tour", id: "back-muscle-spasm" });
      for (const key of ["malformed", "tooLong", "empty"]) {
        const error = onlyError(t[key]);
        expect(error.extensions, key).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id", allowed: "kebab-case, 1..100 characters" });
        expect(error.message).toMatch(/^Argument "id" must be a tour id/);
        noInternals(error);
      }
      noInternals(t["unknown"]);
    },
  },
];

import { expect } from "vitest";
import { type ContractCase, dataOf, operation } from "./contract-case.js";

type Named = { id: string };
const ids = (list: Named[]): string[] => list.map((c) => c.id);

/**
 * Knowledge fidelity: answers respect the context a relation is limited to, attributed passages
 * carry their citation, inferred claims say so, and the links and claims the article makes are all
 * in the graph where a query can reach them.
 */
export const fidelityCases: ContractCase<any>[] = [
  operation<{ concept: any }>(
    "does not offer sitting down as relief for back pain at rest: the article gives that advice only when pain builds while moving",
    `{ concept(id: "back-muscle-spasm") { ... on Condition {
        atRest: symptoms(context: AT_REST) { id ... on Symptom { relievedBy { id } aggravatedBy { id } interventions { treatment { id } relation { id } } } }
        exercising: symptoms(context: DURING_EXERCISE) { id ... on Symptom { relievedBy { id } aggravatedBy { id } } }
    } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      const painAtRest = c.atRest.find((s: Named) => s.id === "back-pain");
      expect(ids(painAtRest.relievedBy)).toEqual(["anti-inflammatory-drug"]);
      expect(painAtRest.aggravatedBy).toEqual([]);
      expect(painAtRest.interventions).toEqual([{ treatment: { id: "anti-inflammatory-drug" }, relation: { id: "anti-inflammatories-ease-pain" } }]);
      // Exercise is movement: advice for pain that builds while moving holds while exercising too.
      const painExercising = c.exercising.find((s: Named) => s.id === "back-pain");
      expect(ids(painExercising.relievedBy)).toEqual(["anti-inflammatory-drug", "avoid-aggravating-movement", "sit-or-lie-down"]);
      expect(ids(painExercising.aggravatedBy)).toEqual(["exercise", "spastic-muscle-movement", "arm-and-leg-movement", "back-and-spine-movement", "walking"]);
    },
  ),

  operation<{ concept: any }>(
    "lets a nested field's own context argument override the context its symptom was reached in",
    `{ concept(id: "back-muscle-spasm") { ... on Condition { symptoms(context: AT_REST) { id ... on Symptom {
        inherited: relievedBy { id }
        moving: relievedBy(context: DURING_MOVEMENT) { id }
        movingInterventions: interventions(context: DURING_MOVEMENT) { treatment { id } }
    } } } } }`,
    undefined,
    (r) => {
      const pain = dataOf(r).concept.symptoms.find((s: Named) => s.id === "back-pain");
      expect(ids(pain.inherited)).toEqual(["anti-inflammatory-drug"]);
      expect(ids(pain.moving)).toEqual(["anti-inflammatory-drug", "avoid-aggravating-movement", "sit-or-lie-down"]);
      expect(pain.movingInterventions.map((i: any) => i.treatment.id)).toEqual(["anti-inflammatory-drug", "avoid-aggravating-movement", "sit-or-lie-down"]);
    },
  ),

  operation<{ concept: any }>(
    "takes a context on relievedBy, aggravatedBy and interventions of a symptom looked up directly; without one, every relation counts",
    `{ concept(id: "back-pain") { ... on Symptom {
        relievedAtRest: relievedBy(context: AT_REST) { id }
        aggravatedAtRest: aggravatedBy(context: AT_REST) { id }
        aggravatedWalking: aggravatedBy(context: DURING_MOVEMENT) { id }
        interventionsAtRest: interventions(context: AT_REST) { treatment { id } }
        relievedAnyTime: relievedBy { id }
    } } }`,
    undefined,
    (r) => {
      const s = dataOf(r).concept;
      expect(ids(s.relievedAtRest)).toEqual(["anti-inflammatory-drug"]);
      expect(s.aggravatedAtRest).toEqual([]);
      expect(ids(s.aggravatedWalking)).toEqual(["spastic-muscle-movement", "arm-and-leg-movement", "back-and-spine-movement", "walking"]);
      expect(s.interventionsAtRest.map((i: any) => i.treatment.id)).toEqual(["anti-inflammatory-drug"]);
      expect(ids(s.relievedAnyTime)).toEqual(["anti-inflammatory-drug", "avoid-aggravating-movement", "sit-or-lie-down"]);
    },
  ),

  operation<{ concept: any }>(
    "treats a relation without a context as holding in every context",
    `{ concept(id: "back-muscle-spasm") { ... on Condition {
        atRest: symptoms(context: AT_REST) { id }
        relations(types: [HAS_SYMPTOM], direction: OUTGOING) { nodes { id to { id } qualifiers { context } } }
    } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      const contextFree = c.relations.nodes.filter((n: any) => n.qualifiers.context === null).map((n: any) => n.to.id);
      expect(contextFree).toContain("low-back-pain");
      expect(ids(c.atRest)).toEqual(expect.arrayContaining([...new Set(contextFree)]));
      expect(ids(c.atRest)).toEqual(["back-pain", "restricted-spinal-motion", "low-back-pain", "radiating-back-pain"]);
    },
  ),

  operation<{ concept: any }>(
    "keeps the harms of exercising through spasm pain, and that warning sign, out of answers about rest",
    `{ concept(id: "back-muscle-spasm") { ... on Condition {
        restSigns: warningSigns(context: AT_REST) { id }
        exerciseSigns: warningSigns(context: DURING_EXERCISE) { id }
        restHarms: complications(context: AT_REST) { id }
        exerciseHarms: complications(context: DURING_EXERCISE) { id }
        allHarms: complications { id }
    } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      expect(ids(c.restSigns)).toEqual(["increasing-spasm-frequency", "sudden-low-back-pain-on-movement"]);
      expect(ids(c.exerciseSigns)).toEqual(["spasm-pain-during-exercise", "increasing-spasm-frequency", "sudden-low-back-pain-on-movement"]);
      expect(c.restHarms).toEqual([]);
      expect(ids(c.exerciseHarms)).toEqual(ids(c.allHarms));
      expect(ids(c.allHarms)).toEqual(["muscle-bleeding", "tendon-tear"]);
    },
  ),

  operation<{ atRest: any; exercising: any; anyTime: any }>(
    "explains back pain in a context: at rest the spasm itself feeds the pain, while exercising resting and avoiding movement are the levers",
    `fragment E on Explanation { chains { root { id } } targetInterventions { treatment { id } target { id } relation { id } } }
     { atRest: explain(id: "back-pain", context: AT_REST) { ...E }
       exercising: explain(id: "back-pain", context: DURING_EXERCISE) { ...E }
       anyTime: explain(id: "back-pain") { ...E } }`,
    undefined,
    (r) => {
      const { atRest, exercising, anyTime } = dataOf(r);
      const acting = (e: any): string[] => e.targetInterventions.map((i: any) => `${i.treatment.id}>${i.target.id}`);
      expect(acting(atRest)).toEqual(expect.arrayContaining(["muscle-relaxant>back-muscle-spasm", "anti-inflammatory-drug>back-pain"]));
      expect(acting(atRest).some((a) => a.startsWith("sit-or-lie-down") || a.startsWith("avoid-aggravating-movement"))).toBe(false);
      expect(acting(exercising)).toEqual(expect.arrayContaining(["sit-or-lie-down>back-pain", "avoid-aggravating-movement>back-pain"]));
      // The spasm causes pain at rest only, so while exercising it is not a feeder of the pain.
      expect(acting(exercising).some((a) => a.endsWith(">back-muscle-spasm"))).toBe(false);
      expect(new Set(acting(anyTime))).toEqual(new Set([...acting(atRest), ...acting(exercising)]));
      expect(ids(atRest.chains.map((c: any) => c.root))).toEqual(ids(exercising.chains.map((c: any) => c.root)));
    },
  ),

  operation<{ source: any; bleeding: any; tearing: any }>(
    "attributes the warning about exercising through spasm pain, with its bleeding and tendon tearing, to Cedars-Sinai in every record",
    `{ source(id: "cedars-sinai") { claims { id } }
       bleeding: concept(id: "muscle-bleeding") { relations(direction: INCOMING) { nodes { id evidence { citedSource { id } } } } }
       tearing: concept(id: "tendon-tear") { relations(direction: INCOMING) { nodes { id evidence { citedSource { id } } } } } }`,
    undefined,
    (r) => {
      const data = dataOf(r);
      for (const harm of [data.bleeding, data.tearing]) {
        const relations = harm.relations.nodes;
        expect(relations.length).toBeGreaterThanOrEqual(2);
        for (const relation of relations) {
          expect(relation.evidence.map((e: any) => e.citedSource?.id ?? null), relation.id).toEqual(relation.evidence.map(() => "cedars-sinai"));
        }
      }
      const claims = data.source.claims.map((c: any) => c.id);
      expect(claims).toEqual(expect.arrayContaining(["muscle-overload-causes-bleeding#1", "muscle-overload-tears-tendons#1", "spasm-complication-bleeding#1", "spasm-complication-tendon-tear#1"]));
    },
  ),

  operation<{ inferred: any; stated: any }>(
    "marks the inferred claim that time off sport prevents a new injury as a logical entailment with its reasoning",
    `{ inferred: relation(id: "sports-break-prevents-reinjury") { type evidence { knowledgeLevel reasoning claim } }
       stated: relation(id: "sports-break-treats-athletic-spasm") { evidence { knowledgeLevel reasoning } } }`,
    undefined,
    (r) => {
      const { inferred, stated } = dataOf(r);
      expect(inferred.type).toBe("PREVENTS");
      expect(inferred.evidence).toHaveLength(1);
      expect(inferred.evidence[0].knowledgeLevel).toBe("LOGICAL_ENTAILMENT");
      expect(inferred.evidence[0].reasoning).toMatch(/does not say/);
      expect(stated.evidence).toEqual([{ knowledgeLevel: "KNOWLEDGE_ASSERTION", reasoning: null }]);
    },
  ),

  operation<{ concepts: any }>(
    "leads from every activity to the advice that stops or cuts it back",
    `{ concepts(filter: { kinds: [ACTIVITY] }, first: 50) { nodes { id ... on Activity { limitedBy { id ... on Treatment { limits { id } } } } } } }`,
    undefined,
    (r) => {
      const advice = Object.fromEntries(dataOf(r).concepts.nodes.map((a: any) => [a.id, ids(a.limitedBy)]));
      expect(advice).toEqual({
        "continued-exercise-through-pain": ["stop-exercising"],
        exercise: ["sit-or-lie-down"],
        "spastic-muscle-movement": ["avoid-aggravating-movement"],
        "arm-and-leg-movement": ["avoid-aggravating-movement"],
        "back-and-spine-movement": ["avoid-aggravating-movement"],
        "sports-participation": ["refrain-from-sports"],
        walking: ["sit-or-lie-down"],
      });
      for (const activity of dataOf(r).concepts.nodes) {
        for (const treatment of activity.limitedBy) expect(ids(treatment.limits)).toContain(activity.id);
      }
    },
  ),

  operation<{ few: any; isolated: any }>(
    "finds the spasms that give few noticeable symptoms and the spasms that begin as isolated episodes",
    `{ few: concept(id: "muscle-spasm") { relations(types: [HAS_SYMPTOM], direction: OUTGOING) { nodes { id to { id } qualifiers { severity frequency } evidence { claim } } } }
       isolated: concept(id: "back-muscle-spasm") { relations(types: [HAS_SYMPTOM], direction: OUTGOING) { nodes { id to { id } qualifiers { course frequency timing } } } } }`,
    undefined,
    (r) => {
      const { few, isolated } = dataOf(r);
      const minimal = few.relations.nodes.filter((rel: any) => rel.qualifiers.severity === "MINIMAL");
      expect(minimal).toEqual([
        expect.objectContaining({ id: "some-spasms-barely-noticed", to: { id: "noticeable-spasm-symptoms" }, qualifiers: { severity: "MINIMAL", frequency: "POSSIBLY" } }),
      ]);
      const episodic = isolated.relations.nodes.filter((rel: any) => rel.qualifiers.course !== null);
      expect(episodic).toEqual([
        { id: "spasms-start-as-isolated-episodes", to: { id: "back-pain" }, qualifiers: { course: "ISOLATED_EPISODES", frequency: "POSSIBLY", timing: "at first" } },
      ]);
    },
  ),
];

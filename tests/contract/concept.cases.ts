import { expect } from "vitest";
import { type ContractCase, dataOf, onlyError, operation } from "./contract-case.js";

type Named = { id: string; name?: string };

export const conceptCases: ContractCase<any>[] = [
  operation<{ concept: any }>(
    "looks up a back muscle spasm with its identifiers, Biolink category and where the article discusses it",
    `{ concept(id: "back-muscle-spasm") {
        __typename id kind name synonyms summary biolinkCategory dataset
        xrefs { prefix id curie match url vocabulary }
        mentions { start end section { id heading } source { id title } }
    } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      expect(c).toMatchObject({ __typename: "Condition", id: "back-muscle-spasm", kind: "CONDITION", name: "Back muscle spasm", biolinkCategory: "biolink:Disease" });
      expect(c.xrefs).toEqual([
        { prefix: "MESH", id: "D013035", curie: "MESH:D013035", match: "BROAD", url: "https://meshb.nlm.nih.gov/record/ui?ui=D013035", vocabulary: "Medical Subject Headings" },
        { prefix: "HP", id: "0003394", curie: "HP:0003394", match: "BROAD", url: "https://hpo.jax.org/browse/term/HP:0003394", vocabulary: "Human Phenotype Ontology" },
      ]);
      expect(c.mentions[0]).toEqual({ start: 134, end: 288, section: { id: "introduction", heading: "Back spasm symptoms" }, source: { id: "back-spasm-article", title: "Back spasm symptoms" } });
    },
  ),

  operation<{ concept: { causedBy: Named[] } }>(
    "answers what can make a disc dislodge with the four causes",
    `{ concept(id: "disc-dislodgement") { causedBy { id kind } } }`,
    undefined,
    (r) => {
      expect(dataOf(r).concept.causedBy).toEqual([
        { id: "sports-back-injury", kind: "CAUSE" },
        { id: "localised-infection", kind: "CAUSE" },
        { id: "ligament-strain", kind: "CAUSE" },
        { id: "tumour-near-muscle", kind: "CAUSE" },
      ]);
    },
  ),

  operation<{ relations: any }>(
    "lists a concept's incoming CAUSES relations with the concept at the other end",
    `{ relations(conceptId: "disc-dislodgement", direction: INCOMING, types: [CAUSES]) {
        totalCount pageInfo { hasNextPage }
        edges { direction neighbor { id } node { id type biolinkPredicate from { id } to { id } qualifiers { frequency } } }
    } }`,
    undefined,
    (r) => {
      const rel = dataOf(r).relations;
      expect(rel.totalCount).toBe(4);
      expect(rel.pageInfo.hasNextPage).toBe(false);
      expect(rel.edges.map((e: any) => e.node.id)).toEqual([
        "infection-dislodges-disc",
        "ligament-strain-dislodges-disc",
        "sports-injury-dislodges-disc",
        "tumour-dislodges-disc",
      ]);
      for (const e of rel.edges) {
        expect(e.direction).toBe("INCOMING");
        expect(e.node).toMatchObject({ type: "CAUSES", biolinkPredicate: "biolink:causes", to: { id: "disc-dislodgement" }, qualifiers: { frequency: "POSSIBLY" } });
        expect(e.neighbor.id).toBe(e.node.from.id);
      }
    },
  ),

  operation<{ concept: any }>(
    "gives a condition's symptoms filtered by context: at rest versus during movement",
    `{ concept(id: "back-muscle-spasm") { ... on Condition {
        atRest: symptoms(context: AT_REST) { id }
        moving: symptoms(context: DURING_MOVEMENT) { id }
        all: symptoms { id }
    } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      // low-back-pain comes with no context qualifier, so it holds at rest and in movement alike.
      expect(c.atRest.map((s: Named) => s.id)).toEqual(["back-pain", "restricted-spinal-motion", "low-back-pain", "radiating-back-pain"]);
      expect(c.moving.map((s: Named) => s.id)).toEqual(["back-pain", "low-back-pain"]);
      expect(c.all.map((s: Named) => s.id)).toEqual(["back-pain", "restricted-spinal-motion", "low-back-pain", "radiating-back-pain"]);
    },
  ),

  operation<{ concept: any }>(
    "gives a condition's causes, mechanisms, warning signs, complications and anatomy",
    `{ concept(id: "back-muscle-spasm") { ... on Condition {
        causes { id } mechanisms { id } warningSigns { id urgency } complications { id } anatomy { id }
    } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      expect(c.causes.map((x: Named) => x.id)).toEqual(["sports-back-injury", "localised-infection", "ligament-strain", "tumour-near-muscle"]);
      expect(c.mechanisms.map((x: Named) => x.id)).toEqual(["reflex-muscle-contraction", "disc-presses-on-ligament", "inflammatory-swelling", "disc-dislodgement"]);
      expect(c.warningSigns).toEqual([
        { id: "spasm-pain-during-exercise", urgency: "PROMPT" },
        { id: "increasing-spasm-frequency", urgency: "ROUTINE" },
        { id: "sudden-low-back-pain-on-movement", urgency: "PROMPT" },
      ]);
      expect(c.complications.map((x: Named) => x.id)).toEqual(["muscle-bleeding", "tendon-tear"]);
      expect(c.anatomy.map((x: Named) => x.id)).toEqual(["back-muscles", "lumbar-muscles"]);
    },
  ),

  operation<{ concept: any }>(
    "lists a condition's treatments with what each one acts on",
    `{ concept(id: "back-muscle-spasm") { ... on Condition { treatments { treatment { id modality } actsOn { target { id } relation { type } } } } } }`,
    undefined,
    (r) => {
      const options = dataOf(r).concept.treatments as { treatment: { id: string; modality: string }; actsOn: { target: Named; relation: { type: string } }[] }[];
      const summary = Object.fromEntries(options.map((o) => [o.treatment.id, o.actsOn.map((a) => `${a.relation.type} ${a.target.id}`)]));
      expect(summary).toEqual({
        "anti-inflammatory-drug": ["AMELIORATES back-pain", "REDUCES inflammatory-swelling", "TREATS back-muscle-spasm"],
        "avoid-aggravating-movement": ["AMELIORATES back-pain"],
        "ice-therapy": ["REDUCES inflammatory-swelling"],
        "muscle-relaxant": ["AMELIORATES restricted-spinal-motion", "TREATS back-muscle-spasm"],
        "sit-or-lie-down": ["AMELIORATES back-pain"],
        "stop-exercising": ["PREVENTS additional-muscle-stress"],
        "stretching-and-exercise": ["PREVENTS back-muscle-spasm"],
        "refrain-from-sports": ["PREVENTS sports-back-injury", "TREATS back-muscle-spasm"],
      });
      expect(options.find((o) => o.treatment.id === "muscle-relaxant")?.treatment.modality).toBe("MEDICATION");
    },
  ),

  operation<{ swelling: any; ice: any; nsaid: any }>(
    "shows that anti-inflammatories and ice both act on swelling",
    `{ swelling: concept(id: "inflammatory-swelling") { interventions { treatment { id } relation { type biolinkPredicate predicateMatch ownPredicate } } leadsTo { id } }
       ice: concept(id: "ice-therapy") { ... on Treatment { actsOn { target { id } relation { type qualifiers { timing } } } } }
       nsaid: concept(id: "anti-inflammatory-drug") { ... on Treatment { actsOn { target { id } relation { type } } treats { id } } } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.swelling.interventions.map((i: any) => i.treatment.id)).toEqual(["anti-inflammatory-drug", "ice-therapy"]);
      for (const i of d.swelling.interventions) {
        expect(i.relation).toEqual({ type: "REDUCES", biolinkPredicate: "biolink:affects", predicateMatch: "BROADER", ownPredicate: "kg:reduces" });
      }
      expect(d.swelling.leadsTo).toEqual([{ id: "back-pain" }]);
      expect(d.ice.actsOn).toEqual([{ target: { id: "inflammatory-swelling" }, relation: { type: "REDUCES", qualifiers: { timing: "at intervals through the day" } } }]);
      expect(d.nsaid.treats).toEqual([{ id: "back-muscle-spasm" }]);
    },
  ),

  operation<{ concept: any }>(
    "goes from a symptom back to its conditions, aggravating activities and direct reliefs",
    `{ concept(id: "back-pain") { ... on Symptom { conditions { id } aggravatedBy { id } relievedBy { id } location { id } } narrower { id } } }`,
    undefined,
    (r) => {
      const c = dataOf(r).concept;
      expect(c.conditions).toEqual([{ id: "back-muscle-spasm" }]);
      expect(c.aggravatedBy.map((x: Named) => x.id)).toEqual(["exercise", "spastic-muscle-movement", "arm-and-leg-movement", "back-and-spine-movement", "walking"]);
      expect(c.relievedBy.map((x: Named) => x.id)).toEqual(["anti-inflammatory-drug", "avoid-aggravating-movement", "sit-or-lie-down"]);
      expect(c.location.map((x: Named) => x.id)).toEqual(["back-muscles", "ligament"]);
      expect(c.narrower.map((x: Named) => x.id)).toEqual(["low-back-pain", "radiating-back-pain"]);
    },
  ),

  operation<{ concept: any; warning: any; anatomy: any; activity: any; complication: any }>(
    "follows the links of causes, warning signs, anatomy, activities and complications",
    `{ concept(id: "sports-back-injury") { ... on Cause { conditions { id } occursDuring { id } } interventions { treatment { id } } }
       warning: concept(id: "spasm-pain-during-exercise") { ... on WarningSign { urgency conditions { id } warrants { id } occursDuring { id } } }
       anatomy: concept(id: "intervertebral-disc") { ... on Anatomy { partOf { id } involvedIn { id } } }
       activity: concept(id: "walking") { ... on Activity { aggravates { id } } }
       complication: concept(id: "tendon-tear") { ... on Complication { conditions { id } location { id } } causedBy { id } } }`,
    undefined,
    (r) => {
      const d = dataOf(r);
      expect(d.concept.conditions.map((x: Named) => x.id)).toEqual(["back-muscle-spasm"]);
      expect(d.concept.occursDuring).toEqual([{ id: "sports-participation" }]);
      expect(d.concept.interventions).toEqual([{ treatment: { id: "refrain-from-sports" } }]);
      expect(d.warning).toEqual({ urgency: "PROMPT", conditions: [{ id: "back-muscle-spasm" }], warrants: [{ id: "stop-exercising" }], occursDuring: [{ id: "exercise" }] });
      expect(d.anatomy).toEqual({ partOf: [{ id: "vertebral-column" }], involvedIn: [{ id: "disc-dislodgement" }] });
      expect(d.activity).toEqual({ aggravates: [{ id: "back-pain" }] });
      expect(d.complication).toEqual({ conditions: [{ id: "back-muscle-spasm" }], location: [{ id: "tendon" }], causedBy: [{ id: "additional-muscle-stress" }] });
    },
  ),

  operation<{ relation: any }>(
    "shows a relation's evidence with the claim, source, section, span, knowledge level and agent type",
    `{ relation(id: "spasm-restricts-spinal-motion") {
        type from { id } to { id } evidenceCount
        qualifiers { context frequency onset severity appliesWhen timing }
        evidence { id claim knowledgeLevel agentType source { id } citedSource { id title } locator { start end section { heading } } relation { id } }
    } }`,
    undefined,
    (r) => {
      const rel = dataOf(r).relation;
      expect(rel).toMatchObject({ type: "HAS_SYMPTOM", from: { id: "back-muscle-spasm" }, to: { id: "restricted-spinal-motion" }, evidenceCount: 1 });
      expect(rel.qualifiers).toEqual({ context: "AT_REST", frequency: "POSSIBLY", onset: null, severity: null, appliesWhen: null, timing: "passes as the spasm eases" });
      expect(rel.evidence).toEqual([
        {
          id: "spasm-restricts-spinal-motion#1",
          claim: expect.stringContaining("Sports Injury Bulletin"),
          knowledgeLevel: "KNOWLEDGE_ASSERTION",
          agentType: "MANUAL_AGENT",
          source: { id: "back-spasm-article" },
          citedSource: { id: "sports-injury-bulletin", title: "Sports Injury Bulletin" },
          locator: { start: 1326, end: 1461, section: { heading: "At-Rest Symptoms" } },
          relation: { id: "spasm-restricts-spinal-motion" },
        },
      ]);
    },
  ),

  operation<{ sources: any[] }>(
    "lists the sources with the claims that cite each one",
    `{ sources { id kind title length sha256 citedBy { id } cites { id } sections { id heading label start end } claims { id locator { start } } concepts { id } } }`,
    undefined,
    (r) => {
      const sources = dataOf(r).sources;
      expect(sources.map((s) => s.id)).toEqual(["back-spasm-article", "cedars-sinai", "sports-injury-bulletin"]);
      const [article, cedars, bulletin] = sources;
      expect(article).toMatchObject({ kind: "ARTICLE", length: 2794, citedBy: null, cites: [{ id: "cedars-sinai" }, { id: "sports-injury-bulletin" }] });
      expect(article.sections.map((s: any) => s.heading)).toEqual(["Back spasm symptoms", "At-Rest Symptoms", "Symptoms While Moving", "Warning Signs", null]);
      expect(article.claims).toHaveLength(80);
      const starts = article.claims.map((c: any) => c.locator.start);
      expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
      expect(article.concepts).toHaveLength(46);
      // Every record in the passage the article attributes to Cedars-Sinai, in text order (start, end, id).
      expect(cedars.claims.map((c: any) => c.id)).toEqual([
        "exercising-through-pain-is-exercise#1",
        "exercising-through-pain-overloads-muscles#1",
        "pain-during-exercise-occurs-in-exercise#1",
        "pain-during-exercise-warrants-stopping#1",
        "stopping-exercise-limits-exercising-through-pain#1",
        "warning-pain-during-exercise#1",
        "spasm-complication-bleeding#1",
        "spasm-complication-tendon-tear#1",
        "stopping-exercise-prevents-overload#1",
        "bleeding-in-back-muscles#1",
        "exercising-through-pain-overloads-muscles#2",
        "muscle-overload-causes-bleeding#1",
        "muscle-overload-tears-tendons#1",
        "tendon-tear-in-tendon#1",
      ]);
      expect(bulletin).toMatchObject({ kind: "PERIODICAL", citedBy: { id: "back-spasm-article" }, length: null, sections: [], concepts: [] });
      expect(bulletin.claims.map((c: any) => c.id)).toEqual(["spasm-restricts-spinal-motion#1", "stiffness-in-spine#1"]);
    },
  ),

  operation<{ graphStats: any; vocabulary: any }>(
    "counts the graph per kind and per relation type, and lists the Biolink mappings",
    `{ graphStats { concepts relations evidence sources conceptsByKind { kind count } relationsByType { type biolinkPredicate count } }
       vocabulary { conceptKinds { kind typeName biolinkCategory } relationTypes { type biolinkPredicate predicateMatch ownPredicate causal fromKinds toKinds } } }`,
    undefined,
    (r) => {
      const { graphStats, vocabulary } = dataOf(r);
      expect(graphStats).toMatchObject({ concepts: 46, relations: 76, evidence: 80, sources: 3 });
      expect(Object.fromEntries(graphStats.conceptsByKind.map((k: any) => [k.kind, k.count]))).toEqual({
        CONDITION: 2, CAUSE: 4, MECHANISM: 6, SYMPTOM: 5, TREATMENT: 10, ANATOMY: 7, WARNING_SIGN: 3, ACTIVITY: 7, COMPLICATION: 2,
      });
      expect(graphStats.relationsByType.find((t: any) => t.type === "CAUSES")).toEqual({ type: "CAUSES", biolinkPredicate: "biolink:causes", count: 12 });
      expect(vocabulary.conceptKinds).toHaveLength(9);
      expect(vocabulary.relationTypes.filter((t: any) => t.causal).map((t: any) => t.type)).toEqual(["CAUSES", "CONTRIBUTES_TO", "PRECEDES"]);
      expect(vocabulary.relationTypes.find((t: any) => t.type === "HAS_SYMPTOM")).toMatchObject({ biolinkPredicate: "biolink:has_phenotype", predicateMatch: "EXACT", ownPredicate: null });
    },
  ),

  operation(
    "answers NOT_FOUND for an unknown concept id",
    `{ concept(id: "no-such-concept") { id } }`,
    undefined,
    (r) => {
      expect(r.data).toEqual({ concept: null });
      expect(onlyError(r)).toMatchObject({ message: 'Concept "no-such-concept" was not found', extensions: { code: "NOT_FOUND", entity: "Concept", id: "no-such-concept" } });
    },
  ),
];

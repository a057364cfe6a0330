import { readFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND_CURATION_EXAMPLE } from "../../src/http/playground-examples.js";
import type { RunningServer } from "../../src/http/server.js";
import { Neo4jExecutor } from "../../src/neo4j/neo4j-executor.js";
import { Neo4jKnowledgeStore } from "../../src/neo4j/neo4j-knowledge.store.js";
import { startTestServer, testApiSettings } from "../support/api-server.js";
import { curationTokens, gqlAs } from "../support/curation-client.js";
import { graphFingerprint } from "../support/graph-fingerprint.js";
import { gqlData } from "../support/graphql-client.js";
import { loadCuratedGraph, noNeo4j, SEED_DIR, SOURCE_TEXT_DIR, testNeo4jConfig } from "../support/neo4j-test-env.js";
import { TEST_REPLICA } from "../support/seeded-api.js";
import { openNeo4jBackend } from "../../src/neo4j-backend.js";
import { curationReferenceLoader } from "../../src/seed/curation-reference.js";

type Locator = { source: string; section: string; start: number; end: number };
type Err = { message: string; extensions?: Record<string, unknown> };

const CONCEPT_ID = "curated-test-twinge";
const RELATION_ID = "curated-test-relation";

const CREATE = `mutation($input: CreateConceptInput!) { createConcept(input: $input) { concept { id name version } graphVersion change { graphVersion principal operation targetIds note } } }`;
const UPDATE = `mutation($input: UpdateConceptInput!) { updateConcept(input: $input) { concept { id name summary version } graphVersion } }`;
const ADD_RELATION = `mutation($input: AddRelationInput!) { addRelation(input: $input) { relation { id version evidenceCount evidence { id claim } } graphVersion change { operation targetIds } } }`;
const ADD_EVIDENCE = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id claim } relation { id version evidenceCount } graphVersion } }`;
const RETRACT_EVIDENCE = `mutation($id: ID!, $reason: String!, $v: Int!) { retractEvidence(id: $id, reason: $reason, expectedVersion: $v) { retractedEvidenceId relation { id version evidenceCount } graphVersion change { reason before } } }`;
const RETRACT_RELATION = `mutation($id: ID!, $reason: String!, $v: Int!) { retractRelation(id: $id, reason: $reason, expectedVersion: $v) { retractedRelationId graphVersion change { operation reason before after } } }`;

// Every write is checked twice: on the compiled path, and with the read replica on, where a write must be
// readable the moment its mutation answers (the replica catches up before the answer goes out).
for (const backend of ["compiled", "replica"] as const) describe.skipIf(noNeo4j)(`curation through the API, against Neo4j (${backend} reads)`, () => {
  let server: RunningServer;
  let executor: Neo4jExecutor;
  let url: string;
  const tokens = curationTokens();
  const logLines: string[] = [];
  /** A real mention locator and a real evidence record of the seeded graph, to build valid writes from. */
  let mention: Locator;
  let template: { id: string; type: string; from: string; to: string; locator: Locator };
  let articleText: string;

  const fingerprint = async () => [...(await graphFingerprint(executor)), `graphVersion=${(await gqlData<{ graphVersion: number }>(url, "{ graphVersion }")).graphVersion}`];
  const errorOf = (result: { errors?: readonly Err[] }): Err => {
    expect(result.errors, JSON.stringify(result)).toHaveLength(1);
    return result.errors![0]!;
  };
  const conceptInput = (overrides: Record<string, unknown> = {}) => ({
    id: CONCEPT_ID,
    kind: "SYMPTOM",
    name: "Curated test twinge",
    summary: "A made-up discomfort that only the curation tests use.",
    mentions: [mention],
    note: "added by the curation test",
    ...overrides,
  });
  const evidenceInput = (claim: string, overrides: Record<string, unknown> = {}) => ({
    locator: template.locator,
    claim,
    reasoning: "Test reasoning: the test states this to exercise the write path.",
    knowledgeLevel: "LOGICAL_ENTAILMENT",
    agentType: "MANUAL_AGENT",
    ...overrides,
  });

  beforeAll(async () => {
    executor = Neo4jExecutor.create(testNeo4jConfig());
    await loadCuratedGraph(executor);
    const logger = pino(
      { level: "info", redact: { paths: ["req.headers.authorization"], remove: true } },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logLines.push(chunk.toString("utf8"));
          done();
        },
      }),
    );
    const settings = testApiSettings({ CURATION_TOKENS: tokens.env });
    if (backend === "compiled") {
      server = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(testNeo4jConfig())), { settings, logger });
    } else {
      // A slow poll, so what the tests see right after a write comes from the write's own catch-up, not from a lucky poll.
      const replicated = openNeo4jBackend(testNeo4jConfig(), { ...TEST_REPLICA, pollMs: 600_000 }, curationReferenceLoader(SEED_DIR, SOURCE_TEXT_DIR), pino({ level: "silent" }));
      await replicated.replica?.refresh();
      server = await startTestServer(replicated.store, { settings, logger, curation: replicated.curation });
    }
    url = server.url;
    const data = await gqlData<any>(
      url,
      `{ concept(id: "back-muscle-spasm") { mentions { start end section { id } source { id } }
         relations(first: 1, direction: INCOMING) { nodes { id type from { id } to { id } evidence { locator { start end section { id } source { id } } } } } } }`,
    );
    const m = data.concept.mentions[0];
    mention = { source: m.source.id, section: m.section.id, start: m.start, end: m.end };
    const r = data.concept.relations.nodes[0];
    const l = r.evidence[0].locator;
    template = { id: r.id, type: r.type, from: r.from.id, to: r.to.id, locator: { source: l.source.id, section: l.section.id, start: l.start, end: l.end } };
    articleText = await readFile(path.join(SOURCE_TEXT_DIR, "back-spasm-symptoms.txt"), "utf8");
  });
  afterAll(async () => {
    await server?.close();
    await executor?.close();
  });

  it("starts at graph version 0 with no history, every concept and relation at version 1", async () => {
    const data = await gqlData<any>(url, `{ graphVersion changes { totalCount edges { cursor } } concept(id: "back-muscle-spasm") { version } relation(id: "${template.id}") { version } }`);
    expect(data).toEqual({ graphVersion: 0, changes: { totalCount: 0, edges: [] }, concept: { version: 1 }, relation: { version: 1 } });
  });

  it("refuses a write without a token, with an unknown token, a malformed header or a reader's token, and changes nothing", async () => {
    const before = await fingerprint();
    expect(errorOf(await gqlAs(url, {}, CREATE, { input: conceptInput() })).extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(errorOf(await gqlAs(url, { token: "not-a-configured-token" }, CREATE, { input: conceptInput() })).extensions?.["code"]).toBe("UNAUTHENTICATED");
    expect(errorOf(await gqlAs(url, { header: `Basic ${tokens.curator}` }, CREATE, { input: conceptInput() })).extensions?.["code"]).toBe("UNAUTHENTICATED");
    const forbidden = errorOf(await gqlAs(url, { token: tokens.reader }, CREATE, { input: conceptInput() }));
    expect(forbidden.extensions?.["code"]).toBe("FORBIDDEN");
    expect(forbidden.message).toContain("rita-reader");
    expect(await fingerprint()).toEqual(before);
  });

  it("rejects a concept whose mention lies outside its section with BAD_USER_INPUT naming the input field, and changes nothing", async () => {
    const before = await fingerprint();
    const bad = errorOf(await gqlAs(url, { token: tokens.curator }, CREATE, { input: conceptInput({ mentions: [{ ...mention, start: mention.start + articleText.length, end: mention.end + articleText.length }] }) }));
    expect(bad.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(String(bad.extensions?.["argumentName"])).toMatch(/^input\.mentions\[0\]\.(start|end)$/);
    const badCurie = errorOf(await gqlAs(url, { token: tokens.curator }, CREATE, { input: conceptInput({ xrefs: [{ curie: "MESH:nonsense", match: "EXACT" }] }) }));
    expect(badCurie.extensions?.["argumentName"]).toBe("input.xrefs[0].curie");
    const badKind = errorOf(await gqlAs(url, { token: tokens.curator }, CREATE, { input: conceptInput({ modality: "MEDICATION" }) }));
    expect(badKind.extensions?.["argumentName"]).toBe("input.modality");
    const taken = errorOf(await gqlAs(url, { token: tokens.curator }, CREATE, { input: conceptInput({ id: "back-muscle-spasm" }) }));
    expect(taken.extensions?.["argumentName"]).toBe("input.id");
    expect(await fingerprint()).toEqual(before);
  });

  it("creates a concept that the very next reads (concept, search) show, at graph version 1 with its change", async () => {
    const result = await gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput() });
    expect(result.errors).toBeUndefined();
    expect(result.data.createConcept).toEqual({
      concept: { id: CONCEPT_ID, name: "Curated test twinge", version: 1 },
      graphVersion: 1,
      change: { graphVersion: 1, principal: "cora-curator", operation: "createConcept", targetIds: [CONCEPT_ID], note: "added by the curation test" },
    });
    const search = await gqlData<any>(url, `{ search(text: "twinge", first: 3) { concept { id } } }`);
    expect(search.search.map((h: any) => h.concept.id)).toContain(CONCEPT_ID);
  });

  it("updates a concept at its version and answers CONFLICT, changing nothing, on a stale version", async () => {
    const ok = await gqlAs<any>(url, { token: tokens.curator }, UPDATE, { input: { id: CONCEPT_ID, expectedVersion: 1, summary: "A made-up discomfort, now reworded by the update test." } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateConcept.concept).toMatchObject({ version: 2, name: "Curated test twinge", summary: "A made-up discomfort, now reworded by the update test." });
    const before = await fingerprint();
    const stale = errorOf(await gqlAs(url, { token: tokens.curator }, UPDATE, { input: { id: CONCEPT_ID, expectedVersion: 1, name: "Stale rename" } }));
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", expectedVersion: 1, currentVersion: 2 });
    expect(await fingerprint()).toEqual(before);
  });

  it("lets exactly one of two concurrent updates with the same expectedVersion win", async () => {
    const { concept } = await gqlData<any>(url, `{ concept(id: "${CONCEPT_ID}") { version } }`);
    const results = await Promise.all(
      ["First racer", "Second racer"].map((name) => gqlAs<any>(url, { token: tokens.curator }, UPDATE, { input: { id: CONCEPT_ID, expectedVersion: concept.version, name } })),
    );
    const winners = results.filter((r) => r.errors === undefined);
    const losers = results.filter((r) => r.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors![0]!.extensions?.["code"])).toEqual(["CONFLICT"]);
    const after = await gqlData<any>(url, `{ concept(id: "${CONCEPT_ID}") { name version } }`);
    expect(after.concept).toEqual({ name: winners[0]!.data.updateConcept.concept.name, version: concept.version + 1 });
  });

  it("rejects a relation without evidence, of the wrong kinds, or with a claim copied from the source, naming the field", async () => {
    const before = await fingerprint();
    const base = { id: RELATION_ID, type: template.type, from: template.from, to: template.to, qualifiers: { appliesWhen: "only in the curation test" } };
    expect(errorOf(await gqlAs(url, { token: tokens.curator }, ADD_RELATION, { input: { ...base, evidence: [] } })).extensions?.["argumentName"]).toBe("input.evidence");
    const wrongEnds = errorOf(await gqlAs(url, { token: tokens.curator }, ADD_RELATION, { input: { ...base, from: CONCEPT_ID, type: "TREATS", evidence: [evidenceInput("A claim in our own words for the test.")] } }));
    expect(wrongEnds.extensions?.["argumentName"]).toBe("input.from");
    const words = articleText.slice(template.locator.start, template.locator.end).split(/\s+/).slice(0, 8).join(" ");
    const copied = errorOf(await gqlAs(url, { token: tokens.curator }, ADD_RELATION, { input: { ...base, evidence: [evidenceInput(`So ${words} indeed.`)] } }));
    expect(copied.extensions?.["argumentName"]).toBe("input.evidence[0].claim");
    const outside = errorOf(await gqlAs(url, { token: tokens.curator }, ADD_RELATION, { input: { ...base, evidence: [evidenceInput("A claim in our own words.", { locator: { ...template.locator, end: articleText.length + 5 } })] } }));
    expect(outside.extensions?.["argumentName"]).toBe("input.evidence[0].locator.end");
    const noReasoning = errorOf(await gqlAs(url, { token: tokens.curator }, ADD_RELATION, { input: { ...base, evidence: [evidenceInput("A claim in our own words.", { reasoning: null })] } }));
    expect(noReasoning.extensions?.["argumentName"]).toBe("input.evidence[0].reasoning");
    expect(await fingerprint()).toEqual(before);
  });

  it("adds a relation with evidence, shown at once by relation reads and claim search, then adds and retracts evidence", async () => {
    const input = { id: RELATION_ID, type: template.type, from: template.from, to: template.to, qualifiers: { appliesWhen: "only in the curation test" }, evidence: [evidenceInput("The test relation holds for this test only.")] };
    const added = await gqlAs<any>(url, { token: tokens.admin }, ADD_RELATION, { input });
    expect(added.errors).toBeUndefined();
    expect(added.data.addRelation.relation).toEqual({ id: RELATION_ID, version: 1, evidenceCount: 1, evidence: [{ id: `${RELATION_ID}#1`, claim: "The test relation holds for this test only." }] });
    const links = await gqlData<any>(url, `{ concept(id: "${template.from}") { relations(direction: OUTGOING, first: 100) { nodes { id } } } }`);
    expect(links.concept.relations.nodes.map((n: any) => n.id)).toContain(RELATION_ID);

    const more = await gqlAs<any>(url, { token: tokens.curator }, ADD_EVIDENCE, { input: { relationId: RELATION_ID, expectedVersion: 1, evidence: evidenceInput("A second test claim backs the test relation.") } });
    expect(more.errors).toBeUndefined();
    expect(more.data.addEvidence).toMatchObject({ evidence: { id: `${RELATION_ID}#2` }, relation: { version: 2, evidenceCount: 2 } });
    const claimSearch = `{ searchAll(text: "test claim backs", types: [EVIDENCE], first: 5) { ... on EvidenceHit { evidence { id } } } }`;
    const found = await gqlData<any>(url, claimSearch);
    expect(found.searchAll.map((h: any) => h.evidence.id)).toContain(`${RELATION_ID}#2`);

    const retracted = await gqlAs<any>(url, { token: tokens.curator }, RETRACT_EVIDENCE, { id: `${RELATION_ID}#1`, reason: "The first test claim was too vague.", v: 2 });
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data.retractEvidence).toMatchObject({ retractedEvidenceId: `${RELATION_ID}#1`, relation: { version: 3, evidenceCount: 1 }, change: { reason: "The first test claim was too vague.", before: { claim: "The test relation holds for this test only." } } });
    const last = errorOf(await gqlAs(url, { token: tokens.curator }, RETRACT_EVIDENCE, { id: `${RELATION_ID}#2`, reason: "Would leave none.", v: 3 }));
    expect(last.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "id" });
    expect(last.message).toContain("retractRelation");
    const vanished = await gqlData<any>(url, `{ searchAll(text: "relation holds for this test only", types: [EVIDENCE], first: 5) { ... on EvidenceHit { evidence { id } } } }`);
    expect(vanished.searchAll.map((h: any) => h.evidence.id)).not.toContain(`${RELATION_ID}#1`);
    const evidence = await gqlData<any>(url, `{ relation(id: "${RELATION_ID}") { evidenceCount evidence { id } } }`);
    expect(evidence.relation).toEqual({ evidenceCount: 1, evidence: [{ id: `${RELATION_ID}#2` }] });
  });

  it("retracts a relation: gone from every read, kept in history with its content and reason", async () => {
    const stale = errorOf(await gqlAs(url, { token: tokens.curator }, RETRACT_RELATION, { id: RELATION_ID, reason: "stale", v: 1 }));
    expect(stale.extensions?.["code"]).toBe("CONFLICT");
    const result = await gqlAs<any>(url, { token: tokens.curator }, RETRACT_RELATION, { id: RELATION_ID, reason: "It was only ever a test.", v: 3 });
    expect(result.errors).toBeUndefined();
    expect(result.data.retractRelation).toMatchObject({ retractedRelationId: RELATION_ID, change: { operation: "retractRelation", reason: "It was only ever a test.", after: null, before: { id: RELATION_ID, type: template.type } } });
    const gone = await gqlAs<any>(url, {}, `{ relation(id: "${RELATION_ID}") { id } }`);
    expect(gone.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
    const [kept] = await executor.read({ cypher: "MATCH (ch:Change)-[:RETRACTED]->(r:RetractedRelation {id: $id}) RETURN r.retractionReason AS reason, r.type AS type, ch.graphVersion AS v", params: { id: RELATION_ID } });
    expect(kept).toMatchObject({ reason: "It was only ever a test.", type: template.type });
    const [evidence] = await executor.read({ cypher: "MATCH (e:RetractedEvidence {relationId: $id}) RETURN count(e) AS n", params: { id: RELATION_ID } });
    expect(evidence?.["n"]).toBe(2);
    const stats = await gqlData<any>(url, "{ graphStats { relations evidence } }");
    const [counts] = await executor.read({ cypher: "MATCH (e:Evidence) RETURN count(e) AS n", params: {} });
    expect(stats.graphStats.evidence).toBe(counts?.["n"]);
  });

  it("pages through the history oldest first with keyset cursors", async () => {
    const all = await gqlData<any>(url, "{ graphVersion changes(first: 100) { totalCount nodes { graphVersion operation principal at } } }");
    expect(all.changes.nodes.map((n: any) => n.graphVersion)).toEqual(Array.from({ length: all.graphVersion }, (_v, i) => i + 1));
    expect(all.changes.totalCount).toBe(all.graphVersion);
    const first = await gqlData<any>(url, "{ changes(first: 2) { edges { cursor node { graphVersion } } pageInfo { hasNextPage endCursor } } }");
    expect(first.changes.edges.map((e: any) => e.node.graphVersion)).toEqual([1, 2]);
    expect(first.changes.pageInfo.hasNextPage).toBe(true);
    const next = await gqlData<any>(url, `{ changes(first: 2, after: "${first.changes.pageInfo.endCursor}") { nodes { graphVersion } } }`);
    expect(next.changes.nodes.map((n: any) => n.graphVersion)).toEqual([3, 4]);
    const since = await gqlData<any>(url, `{ changes(since: ${all.graphVersion - 1}) { totalCount nodes { graphVersion } } }`);
    expect(since.changes).toEqual({ totalCount: 1, nodes: [{ graphVersion: all.graphVersion }] });
    const tooMany = await gqlAs(url, {}, "{ changes(first: 101) { totalCount } }");
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
  });

  it("stores every string argument literally: Cypher injection through any of them succeeds nowhere", async () => {
    const payloads = ["x' }) MATCH (n) DETACH DELETE n //", '"}) DETACH DELETE n; //', "`) CALL db.clearQueryCaches() //", "$props} RETURN 1 UNION MATCH (n) DELETE n //"];
    const conceptsBefore = (await gqlData<any>(url, "{ graphStats { concepts relations } }")).graphStats;
    let accepted = 0;
    for (const p of payloads) {
      const attempts = [
        gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput({ id: p }) }),
        gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput({ mentions: [{ ...mention, source: p }] }) }),
        gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput({ mentions: [{ ...mention, section: p }] }) }),
        gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput({ xrefs: [{ curie: p, match: "EXACT" }] }) }),
        gqlAs<any>(url, { token: tokens.curator }, UPDATE, { input: { id: CONCEPT_ID, expectedVersion: 1, xrefs: [{ curie: p, match: "EXACT" }], mentions: [{ ...mention, section: p }] } }),
        gqlAs<any>(url, { token: tokens.curator }, CREATE, { input: conceptInput({ dataset: p, id: "injection-dataset" }) }),
        gqlAs<any>(url, { token: tokens.curator }, UPDATE, { input: { id: p, expectedVersion: 1, name: p } }),
        gqlAs<any>(url, { token: tokens.curator }, ADD_RELATION, { input: { id: p, type: template.type, from: p, to: template.to, evidence: [evidenceInput(p, { citedSource: p })] } }),
        gqlAs<any>(url, { token: tokens.curator }, ADD_EVIDENCE, { input: { relationId: p, expectedVersion: 1, evidence: evidenceInput(p) } }),
        gqlAs<any>(url, { token: tokens.curator }, ADD_EVIDENCE, { input: { relationId: template.id, expectedVersion: 1, evidence: evidenceInput(p, { locator: { ...template.locator, source: p, section: p } }) } }),
        gqlAs<any>(url, { token: tokens.curator }, ADD_RELATION, { input: { id: "injection-relation", type: template.type, from: template.from, to: p, dataset: p, evidence: [evidenceInput(p, { locator: { ...template.locator, section: p } })] } }),
        gqlAs<any>(url, { token: tokens.curator }, RETRACT_RELATION, { id: p, reason: p, v: 1 }),
        gqlAs<any>(url, { token: tokens.curator }, RETRACT_EVIDENCE, { id: p, reason: p, v: 1 }),
      ];
      for (const r of await Promise.all(attempts)) if (r.errors === undefined) accepted += 1;
    }
    expect(accepted).toBe(0);
    expect((await gqlData<any>(url, "{ graphStats { concepts relations } }")).graphStats).toEqual(conceptsBefore);
    // Where a string is free text, it is kept literally: payloads in every free-text field are stored as written.
    const { concept } = await gqlData<any>(url, `{ concept(id: "${CONCEPT_ID}") { version } }`);
    const literal = await gqlAs<any>(url, { token: tokens.curator }, UPDATE, {
      input: { id: CONCEPT_ID, expectedVersion: concept.version, name: payloads[0], synonyms: [payloads[1]], summary: payloads[2], note: payloads[3] },
    });
    expect(literal.errors).toBeUndefined();
    expect(literal.data.updateConcept.concept).toMatchObject({ name: payloads[0], summary: payloads[2] });
    const relation = await gqlAs<any>(url, { token: tokens.curator }, ADD_RELATION, {
      input: {
        id: "curated-injection-relation",
        type: template.type,
        from: template.from,
        to: template.to,
        qualifiers: { appliesWhen: payloads[0], timing: payloads[1] },
        evidence: [evidenceInput(payloads[2]!, { reasoning: payloads[3] })],
        note: payloads[0],
      },
    });
    expect(relation.errors).toBeUndefined();
    const stored = await gqlData<any>(url, `{ concept(id: "${CONCEPT_ID}") { name synonyms summary } relation(id: "curated-injection-relation") { qualifiers { appliesWhen timing } evidence { claim reasoning } } }`);
    expect(stored).toEqual({
      concept: { name: payloads[0], synonyms: [payloads[1]], summary: payloads[2] },
      relation: { qualifiers: { appliesWhen: payloads[0], timing: payloads[1] }, evidence: [{ claim: payloads[2], reasoning: payloads[3] }] },
    });
    const after = (await gqlData<any>(url, "{ graphStats { concepts relations } }")).graphStats;
    expect(after).toEqual({ concepts: conceptsBefore.concepts, relations: conceptsBefore.relations + 1 });
  });

  it("leaves no partial state when a write commits during a read-heavy load", async () => {
    const reads = Array.from({ length: 24 }, () =>
      gqlData<any>(url, `{ neighborhood(id: "back-muscle-spasm", depth: 2) { totalNodes edges { id } } concept(id: "${template.from}") { relations(first: 50) { nodes { id evidenceCount evidence { id } } } } }`),
    );
    const write = gqlAs<any>(url, { token: tokens.curator }, ADD_RELATION, {
      input: { id: "curated-load-relation", type: template.type, from: template.from, to: template.to, qualifiers: { appliesWhen: "only under the load test" }, evidence: [evidenceInput("The load test adds this relation.")] },
    });
    const [written, ...answers] = await Promise.all([write, ...reads]);
    expect(written.errors).toBeUndefined();
    for (const answer of answers) {
      for (const r of answer.concept.relations.nodes) expect(r.evidence.length, r.id).toBe(r.evidenceCount);
    }
    const after = await gqlData<any>(url, `{ relation(id: "curated-load-relation") { evidenceCount evidence { id } version } }`);
    expect(after.relation).toEqual({ evidenceCount: 1, evidence: [{ id: "curated-load-relation#1" }], version: 1 });
  });

  it("refuses more than 10 mutation fields in one operation with TOO_MANY_MUTATIONS", async () => {
    const fields = Array.from({ length: 11 }, (_v, i) => `m${i}: retractRelation(id: "none", reason: "r", expectedVersion: 1) { graphVersion }`).join("\n");
    const refused = errorOf(await gqlAs(url, { token: tokens.curator }, `mutation { ${fields} }`));
    expect(refused.extensions).toMatchObject({ code: "TOO_MANY_MUTATIONS", found: 11, limit: 10 });
  });

  it("carries the graph version on exports", async () => {
    const { graphVersion } = await gqlData<any>(url, "{ graphVersion }");
    const response = await fetch(`${url}/export/cytoscape`);
    expect(response.headers.get("x-graph-version")).toBe(String(graphVersion));
    expect(JSON.parse(await response.text()).data.graph_version).toBe(String(graphVersion));
  });

  it("runs the playground's curation tab as shipped with a curator's token, and explain shows the new link at once", async () => {
    const example = PLAYGROUND_CURATION_EXAMPLE;
    const anonymous = await gqlAs<any>(url, { header: JSON.parse(example.headers).Authorization }, example.query, JSON.parse(example.variables), "AddRelation");
    expect(anonymous.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    const added = await gqlAs<any>(url, { token: tokens.curator }, example.query, JSON.parse(example.variables), "AddRelation");
    expect(added.errors).toBeUndefined();
    const explained = await gqlAs<any>(url, {}, example.query, undefined, "ExplainSpasm");
    expect(explained.errors).toBeUndefined();
    const roots = explained.data.explain.chains.map((c: any) => c.root.id);
    expect(roots).toContain("sports-participation");
    const history = await gqlAs<any>(url, {}, example.query, undefined, "History");
    expect(history.data.changes.nodes.at(-1)).toMatchObject({ operation: "addRelation", principal: "cora-curator", note: "Tried from the playground." });
  });

  it("stops a write that runs past the request's deadline with TIMEOUT, changing nothing", async () => {
    const hurried = await startTestServer(new Neo4jKnowledgeStore(Neo4jExecutor.create(testNeo4jConfig())), {
      settings: testApiSettings({ CURATION_TOKENS: tokens.env }),
      requestLimits: { timeoutMs: 1, maxConcurrentReads: 4 },
    });
    try {
      const before = await fingerprint();
      const late = errorOf(await gqlAs(hurried.url, { token: tokens.curator }, CREATE, { input: conceptInput({ id: "curated-too-late" }) }));
      expect(late.extensions?.["code"]).toBe("TIMEOUT");
      expect(await fingerprint()).toEqual(before);
    } finally {
      await hurried.close();
    }
  });

  it("logs the principal of each write, never the token", async () => {
    await gqlAs(url, { token: tokens.curator }, "mutation Logged { retractRelation(id: \"none\", reason: \"r\", expectedVersion: 1) { graphVersion } }");
    await gqlAs(url, { token: tokens.reader }, "mutation LoggedReader { retractRelation(id: \"none\", reason: \"r\", expectedVersion: 1) { graphVersion } }");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all = logLines.join("");
    expect(all).toContain('"principal":"cora-curator"');
    for (const token of [tokens.curator, tokens.reader, tokens.admin]) expect(all).not.toContain(token);
  });

  it("is wiped with its history by a seed reset, back to graph version 0", async () => {
    const before = await gqlData<any>(url, "{ graphVersion changes { totalCount } }");
    expect(before.graphVersion).toBeGreaterThan(0);
    await loadCuratedGraph(executor);
    const after = await gqlData<any>(url, `{ graphVersion changes { totalCount } relation(id: "${template.id}") { version } }`);
    expect(after).toEqual({ graphVersion: 0, changes: { totalCount: 0 }, relation: { version: 1 } });
    const leftovers = await executor.read({ cypher: "MATCH (n) WHERE n:Change OR n:RetractedRelation OR n:RetractedEvidence RETURN count(n) AS n", params: {} });
    expect(leftovers[0]?.n).toBe(0);
    // What is left of the graph state is the new load's stamp, at version 0.
    const state = await executor.read({ cypher: "MATCH (g:GraphState) RETURN g.version AS version, g.loadId IS NOT NULL AS stamped", params: {} });
    expect(state).toEqual([{ version: 0, stamped: true }]);
  });
});

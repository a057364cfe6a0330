import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchOfflineBrowser, noChromium, seriousAxeViolations, type OfflineBrowser } from "../support/browser.js";
import { clickEdge, canvasNodeIds, openExplorer, textViewNodeIds } from "../support/explorer-page.js";
import { gqlData } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

describe.skipIf(noNeo4j || noChromium)("visual explorer over Neo4j (smoke)", () => {
  let api: SeededApi;
  let browser: OfflineBrowser;

  beforeAll(async () => {
    api = await startSeededNeo4jApi();
    browser = await launchOfflineBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("draws the neighbourhood from Neo4j, lists it as text and shows a link's quoted passage", async () => {
    const page = await browser.context.newPage();
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-muscle-spasm");
    const expected = await gqlData<{ neighborhood: { nodes: { id: string }[] } }>(api.url, '{ neighborhood(id: "back-muscle-spasm", depth: 1, limit: 200) { nodes { id } } }');
    const nodes = await canvasNodeIds(page);
    expect(nodes).toEqual(expected.neighborhood.nodes.map((n) => n.id).sort());
    expect(await textViewNodeIds(page)).toEqual(nodes);

    expect(await clickEdge(page, "reflex-contraction-produces-spasm")).toBe(true);
    const relation = await gqlData<{ relation: { evidence: { locator: { quote: string } }[] } }>(
      api.url,
      '{ relation(id: "reflex-contraction-produces-spasm") { evidence { locator { quote } } } }',
    );
    await expect.poll(() => page.locator("#details mark.quote").first().textContent()).toBe(relation.relation.evidence[0]!.locator.quote);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });
});

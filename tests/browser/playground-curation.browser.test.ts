import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYGROUND_CURATION_EXAMPLE } from "../../src/http/playground-examples.js";
import { testApiSettings } from "../support/api-server.js";
import { launchOfflineBrowser, noChromium, type OfflineBrowser } from "../support/browser.js";
import { curationTokens } from "../support/curation-client.js";
import { gqlData } from "../support/graphql-client.js";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

const normalise = (text: string): string => text.replace(/\u00a0/g, " ");

describe.skipIf(noNeo4j || noChromium)("a curator in the GraphiQL playground", () => {
  let api: SeededApi;
  let browser: OfflineBrowser;
  const tokens = curationTokens();

  beforeAll(async () => {
    api = await startSeededNeo4jApi({ settings: testApiSettings({ CURATION_TOKENS: tokens.env }) });
    browser = await launchOfflineBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("puts a token in the headers pane of the curation tab, adds the relation, and explain shows it at once", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/graphql`);
    await page.waitForSelector(".graphiql-container", { timeout: 60_000 });
    const tab = page.locator(".graphiql-tab", { hasText: "AddRelation" });
    await expect.poll(async () => tab.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await tab.first().click();

    await page.getByRole("button", { name: "Headers" }).click();
    const headers = page.locator(".graphiql-editor-tool .graphiql-editor").last();
    await expect.poll(async () => normalise(await headers.innerText()), { timeout: 30_000 }).toContain("paste-your-curator-token-here");
    await headers.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${tokens.curator}` }));

    const response = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes('"operationName":"AddRelation"'), { timeout: 30_000 });
    await page.locator("button.graphiql-execute-button").click();
    await page.getByRole("menuitem", { name: "AddRelation" }).click();
    const body = (await (await response).json()) as { data?: { addRelation?: { relation: { id: string }; change: { principal: string } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.addRelation?.change.principal).toBe("cora-curator");

    const id = JSON.parse(PLAYGROUND_CURATION_EXAMPLE.variables).input.id as string;
    const explained = await gqlData<any>(api.url, `{ explain(id: "back-muscle-spasm", limit: 50) { chains { root { id } } } }`);
    const roots = explained.explain.chains.map((c: any) => c.root.id);
    expect(roots).toContain("sports-participation");
    expect(await gqlData<any>(api.url, `{ relation(id: "${id}") { id version } }`)).toEqual({ relation: { id, version: 1 } });
    expect(browser.blocked).toEqual([]);
  });
});

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noNeo4j } from "../support/neo4j-test-env.js";
import { startSeededNeo4jApi, type SeededApi } from "../support/seeded-api.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const noChromium = !existsSync(CHROMIUM);
if (noChromium && process.env["REQUIRE_BROWSER"] === "1") throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
if (noChromium) console.warn(`NO CHROMIUM at ${CHROMIUM}: the playground browser test is SKIPPED (apt-get install chromium).`);

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const normalise = (text: string): string => text.replace(/\u00a0/g, " ");

describe.skipIf(noNeo4j || noChromium)("GraphiQL playground in headless Chromium", () => {
  let api: SeededApi;
  let context: BrowserContext;
  let profile: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    api = await startSeededNeo4jApi();
    profile = await mkdtemp(path.join(tmpdir(), "kg-chromium-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    // Prove the page needs no network: abort and record anything that is not this server.
    await context.route("**/*", async (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === "127.0.0.1" || host === "localhost") await route.continue();
      else {
        blocked.push(route.request().url());
        await route.abort();
      }
    });
  });

  afterAll(async () => {
    await context?.close();
    await api?.close();
    if (profile !== undefined) await rm(profile, { recursive: true, force: true });
  });

  it("renders offline and runs the preloaded causal-chain query with data in the result pane", async () => {
    const page = await context.newPage();
    await page.goto(`${api.url}/graphql`);
    await page.waitForSelector(".graphiql-container", { timeout: 60_000 });
    const editor = page.locator(".graphiql-query-editor .monaco-editor .view-lines").first();
    await expect.poll(async () => normalise(await editor.innerText()), { timeout: 30_000 }).toContain("causalPathways(from:");

    const response = page.waitForResponse(
      (r) => r.url().endsWith("/graphql") && r.request().method() === "POST" && !(r.request().postData() ?? "").includes("IntrospectionQuery"),
      { timeout: 30_000 },
    );
    await page.locator("button.graphiql-execute-button").click();
    const body = (await (await response).json()) as { data?: { causalPathways?: { paths: unknown[] } } };
    expect(body.data?.causalPathways?.paths).toHaveLength(1);

    const result = page.locator(".graphiql-response .monaco-editor .view-lines").first();
    await expect.poll(async () => normalise(await result.innerText()), { timeout: 30_000 }).toContain("Acute sports injury to the back");
    expect(blocked).toEqual([]);
  });

  it("links to the visual explorer", async () => {
    const page = await context.newPage();
    await page.goto(`${api.url}/graphql`);
    await page.waitForSelector(".graphiql-container", { timeout: 60_000 });
    const link = page.getByRole("link", { name: "Open the visual explorer" });
    expect(await link.getAttribute("href")).toBe("/explore");
    await link.click();
    await page.waitForURL(`${api.url}/explore`);
    await page.waitForSelector("#canvas canvas", { timeout: 60_000 });
    expect(blocked).toEqual([]);
  });

  it("offers the example queries as tabs: causal chain, explain, neighbourhood, search", async () => {
    const page = await context.newPage();
    await page.goto(`${api.url}/graphql`);
    await page.waitForSelector(".graphiql-container", { timeout: 60_000 });
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(async () => tabs.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const titles = (await tabs.allInnerTexts()).map(normalise).join(" | ");
    for (const name of ["CausalChain", "ExplainSpasm", "Neighbourhood", "Search"]) expect(titles).toContain(name);
    expect(blocked).toEqual([]);
  });
});

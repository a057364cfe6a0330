import { readFile } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/http/server.js";
import { launchOfflineBrowser, noChromium, screenshotDir, seriousAxeViolations, type OfflineBrowser } from "../support/browser.js";
import { afterRender, canvasEdgeIds, canvasNodeIds, clickEdge, nodePosition, openExplorer, textViewEdgeIds, textViewNodeIds } from "../support/explorer-page.js";
import { gqlData } from "../support/graphql-client.js";
import { startMemoryApi } from "../support/memory-api.js";
import { curatedGraph, SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";

/** Raw bytes of a response as sent over the wire (Node's fetch would undo the gzip). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(await screenshotDir(), `${name}.png`) });
}

describe.skipIf(noChromium)("visual explorer in headless Chromium (in-process graph)", () => {
  let api: RunningServer;
  let browser: OfflineBrowser;
  let page: Page;

  beforeAll(async () => {
    api = await startMemoryApi();
    browser = await launchOfflineBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("serves one gzipped, cacheable script of at most 600 KB and draws the first view quickly", async () => {
    const html = await rawGet(`${api.url}/explore`, { "accept-encoding": "gzip" });
    expect(html.status).toBe(200);
    expect(html.headers["content-encoding"]).toBe("gzip");
    const scriptPath = /src="(\/explore\/explorer\.js\?v=[0-9a-f]+)"/.exec((await import("node:zlib")).gunzipSync(html.body).toString("utf8"))?.[1];
    expect(scriptPath).toBeDefined();
    const script = await rawGet(`${api.url}${scriptPath}`, { "accept-encoding": "gzip" });
    expect(script.headers["content-encoding"]).toBe("gzip");
    expect(script.headers["cache-control"]).toContain("immutable");
    console.log(`explorer script: ${(script.body.length / 1024).toFixed(1)} KB gzipped`);
    expect(script.body.length).toBeLessThanOrEqual(600 * 1024);

    const started = Date.now();
    await openExplorer(page, api.url);
    const firstDraw = await page.evaluate(() => (window as unknown as { explorer: { firstDrawMs: number } }).explorer.firstDrawMs);
    console.log(`first view drawn ${firstDraw.toFixed(0)} ms after navigation started (${Date.now() - started} ms wall clock incl. waiting)`);
    expect(firstDraw).toBeGreaterThan(0);
    expect(browser.blocked).toEqual([]);
  });

  it("finds a concept from a misspelt search and focuses it, with the legend and the right number of nodes", async () => {
    await openExplorer(page, api.url);
    const box = page.getByRole("combobox", { name: "Find a concept" });
    await box.fill("muscel relaxnt");
    const option = page.getByRole("option").first();
    await option.waitFor({ timeout: 15_000 });
    expect(await option.getAttribute("data-id")).toBe("muscle-relaxant");
    await afterRender(page, () => option.click());
    expect(new URL(page.url()).searchParams.get("focus")).toBe("muscle-relaxant");

    const expected = await gqlData<{ neighborhood: { nodes: { id: string; kind: string }[] } }>(api.url, '{ neighborhood(id: "muscle-relaxant", depth: 1, limit: 200) { nodes { id kind } } }');
    expect(await canvasNodeIds(page)).toEqual(expected.neighborhood.nodes.map((n) => n.id).sort());
    const legendKinds = await page.locator("#legend .legend-kinds li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-kind")));
    expect(legendKinds.sort()).toEqual([...new Set(expected.neighborhood.nodes.map((n) => n.kind))].sort());
    await expect.poll(() => page.locator("#status").textContent()).toContain(`${expected.neighborhood.nodes.length} concepts`);
    expect(browser.blocked).toEqual([]);
  });

  it("shows a link's claim and the exact passage of the article it rests on when the edge is clicked", async () => {
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-muscle-spasm");
    const relationId = "reflex-contraction-produces-spasm";
    const relation = await gqlData<{ relation: { id: string; evidence: { claim: string; locator: { start: number; end: number } }[] } | null }>(
      api.url,
      "query ($id: ID!) { relation(id: $id) { id evidence { claim locator { start end } } } }",
      { id: (await canvasEdgeIds(page)).find((id) => id === relationId) ?? (await canvasEdgeIds(page))[0] },
    );
    const edgeId = relation.relation!.id;
    expect(await clickEdge(page, edgeId)).toBe(true);

    const graph = await curatedGraph();
    const source = graph.sources.find((s) => s.textFile !== null)!;
    const article = await readFile(path.join(SOURCE_TEXT_DIR, source.textFile!), "utf8");
    const first = relation.relation!.evidence[0]!;
    const details = page.locator("#details");
    await expect.poll(() => details.locator(".claim").first().textContent()).toBe(first.claim);
    expect(await details.locator("mark.quote").first().textContent()).toBe(article.slice(first.locator.start, first.locator.end));
    await expect.poll(() => details.textContent()).toMatch(/How the source says it/);
    await shot(page, "explorer-evidence");
  });

  it("expands a concept from the keyboard, then goes back and forward through the history", async () => {
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-muscle-spasm");
    const before = await canvasNodeIds(page);
    await page.locator("#canvas").focus();
    // Move with the arrow keys until a concept with neighbours outside the view is selected, then expand it.
    let expanded = false;
    for (let i = 0; i < before.length && !expanded; i++) {
      await afterRender(page, () => page.keyboard.press("ArrowRight"));
      const selected = new URL(page.url()).searchParams.get("sel");
      if (selected === null || selected === "back-muscle-spasm") continue;
      const around = await gqlData<{ neighborhood: { nodes: { id: string }[] } }>(api.url, "query ($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }", { id: selected });
      if (around.neighborhood.nodes.some((n) => !before.includes(n.id))) {
        await afterRender(page, () => page.keyboard.press("e"));
        expanded = true;
      }
    }
    expect(expanded).toBe(true);
    const grown = await canvasNodeIds(page);
    expect(grown.length).toBeGreaterThan(before.length);
    expect(new URL(page.url()).searchParams.get("expand")).not.toBeNull();
    await shot(page, "explorer-neighbourhood");

    await afterRender(page, () => page.getByRole("button", { name: "Back", exact: true }).first().click());
    expect(await canvasNodeIds(page)).toEqual(before);
    expect(new URL(page.url()).searchParams.get("expand")).toBeNull();
    await afterRender(page, () => page.getByRole("button", { name: "Forward", exact: true }).click());
    expect(await canvasNodeIds(page)).toEqual(grown);
  });

  it("reopens the same view from a shared link: focus, depth, expansion and filters", async () => {
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-pain&depth=2&expand=muscle-relaxant&hideKinds=ANATOMY&hideTypes=LOCATED_IN");
    const nodes = await canvasNodeIds(page);
    const edges = await canvasEdgeIds(page);
    const shared = page.url();
    const other = await browser.context.newPage();
    await openExplorer(other, api.url, new URL(shared).search);
    expect(await canvasNodeIds(other)).toEqual(nodes);
    expect(await canvasEdgeIds(other)).toEqual(edges);
    expect(nodes.length).toBeGreaterThan(0);
    const kinds = await other.evaluate(() => (window as any).explorer.canvas.cy.nodes(":visible").map((n: any) => n.data("kind")));
    expect(kinds).not.toContain("ANATOMY");
    expect(await other.locator('#filters input[value="ANATOMY"]').isChecked()).toBe(false);
    await other.close();
  });

  it("draws the causal chain from a sports injury to a back spasm left to right, in order, in path mode", async () => {
    await openExplorer(page, api.url, "?mode=path");
    const from = page.getByRole("combobox", { name: "From" });
    await from.fill("sports injury");
    await page.locator('[role="option"][data-id="sports-back-injury"]').waitFor();
    await page.locator('[role="option"][data-id="sports-back-injury"]').click();
    await page.waitForFunction(() => document.body.dataset["busy"] === "false");
    const to = page.getByRole("combobox", { name: "To" });
    await to.fill("back spasm");
    await page.locator('[role="option"][data-id="back-muscle-spasm"]').waitFor();
    await afterRender(page, () => page.locator('[role="option"][data-id="back-muscle-spasm"]').click());

    const expected = await gqlData<{ causalPathways: { paths: { nodes: { id: string }[] }[] } }>(
      api.url,
      '{ causalPathways(from: "sports-back-injury", to: "back-muscle-spasm", limit: 8, maxHops: 6) { paths { nodes { id } } } }',
    );
    const chain = expected.causalPathways.paths[0]!.nodes.map((n) => n.id);
    expect(chain).toHaveLength(6);
    const listed = await page.locator('.path-list > li[data-path="0"] .path-steps > li').evaluateAll((lis) => lis.map((li) => li.getAttribute("data-id")));
    expect(listed).toEqual(chain);
    const xs = await Promise.all(chain.map(async (id) => (await nodePosition(page, id)).x));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    await shot(page, "explorer-path");
  });

  it("explains a back spasm with ice and anti-inflammatories placed at the swelling step", async () => {
    await openExplorer(page, api.url, "?mode=explain&focus=back-muscle-spasm");
    const swelling = page.locator('.chain-steps > li[data-id="inflammatory-swelling"]').first();
    const names = await gqlData<{ ice: { name: string }; nsaid: { name: string } }>(api.url, '{ ice: concept(id: "ice-therapy") { name } nsaid: concept(id: "anti-inflammatory-drug") { name } }');
    const acts = await swelling.locator(".acts-here").textContent();
    expect(acts).toContain(names.ice.name);
    expect(acts).toContain(names.nsaid.name);
    // On the canvas both sit in the swelling step's column, below the chain.
    const at = await nodePosition(page, "inflammatory-swelling");
    for (const id of ["ice-therapy", "anti-inflammatory-drug"]) {
      const p = await nodePosition(page, id);
      expect(p.x).toBeCloseTo(at.x, 0);
      expect(p.y).toBeGreaterThan(at.y);
    }
    await shot(page, "explorer-explain");
  });

  it("exports the view as a PNG, a well-formed SVG and Cytoscape JSON of the visible subgraph", async () => {
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-muscle-spasm");
    const save = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
      const file = await download.path();
      return readFile(file);
    };
    const png = await save("PNG image");
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.length).toBeGreaterThan(5_000);
    const svg = (await save("SVG drawing")).toString("utf8");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName("parsererror").length, shapes: doc.querySelectorAll("path, rect, circle, polygon").length };
    }, svg);
    expect(parsed).toMatchObject({ root: "svg", errors: 0 });
    expect(parsed.shapes).toBeGreaterThan(10);
    const json = JSON.parse((await save("Cytoscape JSON")).toString("utf8")) as { elements: { group: string; data: { id: string } }[] };
    expect(json.elements.filter((e) => e.group === "nodes").map((e) => e.data.id).sort()).toEqual(await canvasNodeIds(page));
    expect(browser.blocked).toEqual([]);
  });

  it("keeps the text view in step with the canvas: the same concepts and links, also after filtering", async () => {
    await openExplorer(page, api.url, "?mode=neighborhood&focus=back-muscle-spasm&depth=2");
    expect(await textViewNodeIds(page)).toEqual(await canvasNodeIds(page));
    expect(await textViewEdgeIds(page)).toEqual(await canvasEdgeIds(page));
    await page.locator("#filters summary").click();
    await afterRender(page, () => page.locator('#filters input[value="TREATMENT"]').uncheck());
    const nodes = await canvasNodeIds(page);
    expect(await textViewNodeIds(page)).toEqual(nodes);
    expect(await textViewEdgeIds(page)).toEqual(await canvasEdgeIds(page));
    expect(nodes).not.toContain("ice-therapy");
  });

  it("has no serious or critical accessibility violations in any mode (axe-core)", async () => {
    const views = [
      "?mode=neighborhood&focus=back-muscle-spasm&sel=reflex-contraction-produces-spasm",
      "?mode=neighborhood&focus=back-muscle-spasm&sel=back-muscle-spasm",
      "?mode=path&from=sports-back-injury&to=back-muscle-spasm",
      "?mode=explain&focus=back-muscle-spasm",
      "?mode=tour",
    ];
    for (const view of views) {
      await openExplorer(page, api.url, view);
      expect({ view, violations: await seriousAxeViolations(page) }).toEqual({ view, violations: [] });
    }
    await page.getByRole("combobox", { name: "Find a concept" }).fill("spasm");
    await page.getByRole("option").first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("walks every guided tour to its end with the keyboard alone", async () => {
    const { tours } = await gqlData<{ tours: { id: string; stepCount: number }[] }>(api.url, "{ tours { id stepCount } }");
    expect(tours.length).toBeGreaterThan(0);
    for (const [index, tour] of tours.entries()) {
      await openExplorer(page, api.url, "?mode=tour");
      // Tab to the tour's button; the page offers every control in the tab order.
      let found = false;
      for (let i = 0; i < 80 && !found; i++) {
        await page.keyboard.press("Tab");
        found = await page.evaluate((id) => document.activeElement?.getAttribute("data-tour") === id, tour.id);
      }
      expect(found).toBe(true);
      await afterRender(page, () => page.keyboard.press("Enter"));
      for (let step = 1; step < tour.stepCount; step++) {
        expect(await page.locator(".step-count").textContent()).toBe(`Step ${step} of ${tour.stepCount}`);
        let onNext = await page.evaluate(() => document.activeElement?.id === "tour-next");
        for (let i = 0; i < 80 && !onNext; i++) {
          await page.keyboard.press("Tab");
          onNext = await page.evaluate(() => document.activeElement?.id === "tour-next");
        }
        expect(onNext).toBe(true);
        await afterRender(page, () => page.keyboard.press("Enter"));
        const highlighted = await page.evaluate(() => (window as any).explorer.canvas.cy.$(".hl").length);
        expect(highlighted).toBeGreaterThan(0);
      }
      expect(await page.locator(".step-count").textContent()).toBe(`Step ${tour.stepCount} of ${tour.stepCount}`);
      expect(await page.locator("#tour-end").count()).toBe(1);
      await expect.poll(() => page.locator(".tour-evidence mark.quote").count(), { timeout: 15_000 }).toBeGreaterThan(0);
      if (index === 0) {
        expect(await seriousAxeViolations(page)).toEqual([]);
        await shot(page, "explorer-tour");
      }
    }
    expect(browser.blocked).toEqual([]);
  });

  it("works 390 px wide: no sideways scrolling, the drawing and the text view both show the graph", async () => {
    const narrow = await launchOfflineBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const phone = await narrow.context.newPage();
      await openExplorer(phone, api.url, "?mode=neighborhood&focus=back-muscle-spasm");
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      const canvasBox = await phone.locator("#canvas").boundingBox();
      expect(canvasBox!.width).toBeGreaterThan(300);
      expect(await textViewNodeIds(phone)).toEqual(await canvasNodeIds(phone));
      expect(await seriousAxeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: path.join(await screenshotDir(), "explorer-390px.png") });
      expect(narrow.blocked).toEqual([]);
    } finally {
      await narrow.close();
    }
  });
});

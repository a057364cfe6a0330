import type { Page } from "playwright-core";

interface ExplorerWindow {
  explorer: { renders: number; firstDrawMs: number | null; canvas: { cy: any } };
}

/** Opens the explorer at a query string and waits until its first view is drawn. */
export async function openExplorer(page: Page, baseUrl: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl}/explore${query}`);
  await page.waitForFunction(() => ((window as unknown as ExplorerWindow).explorer?.renders ?? 0) > 0 && document.body.dataset["busy"] === "false", null, { timeout: 60_000 });
}

/** Runs an action that re-renders the view and waits for that render to finish. */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as ExplorerWindow).explorer.renders);
  await action();
  await page.waitForFunction((n) => (window as unknown as ExplorerWindow).explorer.renders > n && document.body.dataset["busy"] === "false", before, { timeout: 30_000 });
}

/** Ids of the concepts drawn (visible) on the canvas, sorted. */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ExplorerWindow).explorer.canvas.cy.nodes(":visible").map((n: { id(): string }) => n.id()).sort());
}

/** Ids of the links drawn (visible) on the canvas, sorted. */
export function canvasEdgeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ExplorerWindow).explorer.canvas.cy.edges(":visible").map((e: { id(): string }) => e.id()).sort());
}

/** Ids of the concepts listed in the text view, sorted. */
export async function textViewNodeIds(page: Page): Promise<string[]> {
  return (await page.locator("#text-view .text-nodes > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-id") ?? ""))).sort();
}

/** Ids of the links listed in the text view, sorted. */
export async function textViewEdgeIds(page: Page): Promise<string[]> {
  return (await page.locator("#text-view .text-edges > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-id") ?? ""))).sort();
}

/** Canvas position (model coordinates) of a concept. */
export function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => (window as unknown as ExplorerWindow).explorer.canvas.cy.getElementById(nodeId).position(), id);
}

/** Page coordinates of an element's centre on the canvas (a node's centre or an edge's midpoint). */
export async function pointOnCanvas(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((elId) => {
    const cy = (window as unknown as ExplorerWindow).explorer.canvas.cy;
    const el = cy.getElementById(elId);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

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

/**
 * Clicks a link on the canvas where it is not covered by a node or a label: tries points along the
 * line until the view selects it. Returns whether a click selected the link.
 */
export async function clickEdge(page: Page, id: string): Promise<boolean> {
  // Points along the edge, in three rounds: a layout still settling, or a label over one point, moves the target.
  for (let round = 0; round < 3; round++) {
    if (round > 0) await page.waitForTimeout(300);
    if (await clickEdgeOnce(page, id)) return true;
  }
  return false;
}

async function clickEdgeOnce(page: Page, id: string): Promise<boolean> {
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55]) {
    const point = await page.evaluate(
      ([edgeId, at]) => {
        const cy = (window as unknown as ExplorerWindow).explorer.canvas.cy;
        const edge = cy.getElementById(edgeId);
        const a = edge.source().renderedPosition();
        const b = edge.target().renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return { x: box.left + a.x + (b.x - a.x) * (at as number), y: box.top + a.y + (b.y - a.y) * (at as number) };
      },
      [id, t] as const,
    );
    await afterRender(page, () => page.mouse.click(point.x, point.y));
    if (new URL(page.url()).searchParams.get("sel") === id) return true;
  }
  return false;
}

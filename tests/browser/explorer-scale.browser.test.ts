import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/domain/knowledge-graph.model.js";
import type { RunningServer } from "../../src/http/server.js";
import { InMemoryKnowledgeStore } from "../../src/memory/in-memory-knowledge.store.js";
import { readValidatedSeed } from "../../src/seed/seed-pipeline.js";
import { startTestServer } from "../support/api-server.js";
import { launchOfflineBrowser, noChromium, screenshotDir, type OfflineBrowser } from "../support/browser.js";
import { openExplorer } from "../support/explorer-page.js";
import { writeLargeSeed } from "../support/large-seed.js";
import { SOURCE_TEXT_DIR } from "../support/neo4j-test-env.js";

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe.skipIf(noChromium)("explorer canvas with a generated 2,000-concept graph (recorded figures)", () => {
  let seedDir: string;
  let graph: KnowledgeGraph;
  let api: RunningServer;
  let browser: OfflineBrowser;

  beforeAll(async () => {
    seedDir = await writeLargeSeed(20);
    const seed = await readValidatedSeed(seedDir, SOURCE_TEXT_DIR);
    if (!seed.ok) throw new Error(`generated seed is invalid: ${JSON.stringify(seed.issues.slice(0, 5))}`);
    graph = seed.graph;
    api = await startTestServer(InMemoryKnowledgeStore.fromGraph(graph));
    browser = await launchOfflineBrowser({ reducedMotion: false });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (seedDir !== undefined) await rm(seedDir, { recursive: true, force: true });
  });

  it("lays out and pans 2,000 concepts; prints layout time and frame-time median and p95", async () => {
    expect(graph.concepts).toHaveLength(2000);
    const page = await browser.context.newPage();
    await openExplorer(page, api.url, "?mode=neighborhood&focus=gen-condition-0");
    const scene = {
      nodes: graph.concepts.map((c) => ({ id: c.id, name: c.name, kind: c.kind.toUpperCase() })),
      edges: graph.relations.map((r) => ({ id: r.id, type: r.type, from: { id: r.from }, to: { id: r.to }, evidence: [] })),
    };
    const figures = await page.evaluate(async (g) => {
      const explorer = (window as any).explorer;
      const frames: number[] = [];
      let last = performance.now();
      let recording = true;
      const tick = (now: number) => {
        frames.push(now - last);
        last = now;
        if (recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      console.log("layout starts");
      const t0 = performance.now();
      explorer.canvas.show({ graph: g, layout: "neighborhood", focus: "gen-condition-0", causalTypes: new Set(["CAUSES", "PRECEDES", "CONTRIBUTES_TO"]), interventionTypes: new Set() });
      const layoutMs = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const layoutFrames = frames.splice(0);
      // Pan for 120 frames, then zoom in and out, as a person dragging and scrolling would.
      const cy = explorer.canvas.cy;
      for (let i = 0; i < 120; i++) {
        cy.panBy({ x: i < 60 ? 6 : -6, y: 3 });
        await new Promise((r) => requestAnimationFrame(r));
      }
      for (let i = 0; i < 60; i++) {
        cy.zoom({ level: cy.zoom() * (i < 30 ? 1.03 : 1 / 1.03), renderedPosition: { x: 300, y: 300 } });
        await new Promise((r) => requestAnimationFrame(r));
      }
      recording = false;
      return { layoutMs, layoutFrames, panFrames: frames.slice(1), nodes: cy.nodes().length, edges: cy.edges().length };
    }, scene);
    const pan = [...figures.panFrames].sort((a, b) => a - b);
    console.log(
      `2,000-node canvas: ${figures.nodes} nodes, ${figures.edges} edges; layout ${figures.layoutMs.toFixed(0)} ms (longest frame ${Math.max(...figures.layoutFrames).toFixed(0)} ms); ` +
        `pan/zoom frames: median ${quantile(pan, 0.5).toFixed(1)} ms, p95 ${quantile(pan, 0.95).toFixed(1)} ms over ${pan.length} frames`,
    );
    expect(figures.nodes).toBe(2000);
    expect(figures.edges).toBe(graph.relations.length);
    expect(pan.length).toBeGreaterThan(100);
    await page.screenshot({ path: path.join(await screenshotDir(), "explorer-2000-nodes.png") });
    expect(browser.blocked).toEqual([]);
  }, 300_000);
});

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const noChromium = !existsSync(CHROMIUM);
if (noChromium && process.env["REQUIRE_BROWSER"] === "1") throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
if (noChromium) console.warn(`NO CHROMIUM at ${CHROMIUM}: the browser tests are SKIPPED (apt-get install chromium).`);

const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A headless Chromium that aborts and records every request not to this machine. */
export interface OfflineBrowser {
  readonly context: BrowserContext;
  /** URLs that tried to leave localhost; a test asserts this stays empty. */
  readonly blocked: string[];
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile and an offline guard on every request. */
export async function launchOfflineBrowser(options: { viewport?: { width: number; height: number }; reducedMotion?: boolean } = {}): Promise<OfflineBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), "kg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    acceptDownloads: true,
    reducedMotion: options.reducedMotion === false ? "no-preference" : "reduce",
  });
  const blocked: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1" || url.hostname === "localhost") await route.continue();
    else {
      blocked.push(route.request().url());
      await route.abort();
    }
  });
  return {
    context,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);

/** Runs axe-core inside the page and returns the serious and critical violations (id and targets). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    const source = (require("axe-core") as { source: string }).source;
    await page.addScriptTag({ content: source });
  }
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", targets: v.nodes.map((n) => String(n.target.join(" "))) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The run's screenshot folder (in the OS temp dir), created on first use. */
export async function screenshotDir(): Promise<string> {
  const dir = path.join(tmpdir(), "kg-explorer-screenshots");
  await mkdir(dir, { recursive: true });
  return dir;
}

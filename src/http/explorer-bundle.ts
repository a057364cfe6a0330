import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../config/config.js";

/** One served file of the explorer: its bytes, gzipped bytes, content type and a content-derived etag. */
export interface ExplorerAsset {
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly type: string;
  readonly etag: string;
}

/** The explorer page and its two assets, named by the hash that busts caches when they change. */
export interface ExplorerBundle {
  readonly html: ExplorerAsset;
  readonly js: ExplorerAsset;
  readonly css: ExplorerAsset;
  readonly version: string;
}

export const WEB_SOURCE_DIR = path.join(REPO_ROOT, "src", "web");
export const WEB_BUILD_DIR = path.join(REPO_ROOT, "dist", "web");

function asset(body: Buffer, type: string): ExplorerAsset {
  const gzipped = gzipSync(body, { level: 9 });
  return { body, gzipped, type, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}

/** Bundles src/web with esbuild (Cytoscape and its plugins from node_modules) into one minified script. */
export async function bundleExplorerScript(): Promise<Buffer> {
  // Imported lazily: a deployment serving a prebuilt bundle never loads esbuild.
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(WEB_SOURCE_DIR, "main.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    write: false,
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error("esbuild produced no explorer bundle");
  return Buffer.from(out.contents);
}

function assemble(script: Buffer, css: Buffer, template: string): ExplorerBundle {
  const js = asset(script, "application/javascript; charset=utf-8");
  const style = asset(css, "text/css; charset=utf-8");
  const version = createHash("sha256").update(script).update(css).digest("hex").slice(0, 12);
  const html = asset(Buffer.from(template.replaceAll("{{version}}", version), "utf8"), "text/html; charset=utf-8");
  return { html, js, css: style, version };
}

/**
 * The explorer bundle: built from src/web when the sources are present (so it is never stale), else
 * read from dist/web (written by `npm run build:web`, for images that ship no sources).
 */
export async function loadExplorerBundle(): Promise<ExplorerBundle> {
  if (existsSync(path.join(WEB_SOURCE_DIR, "main.ts"))) {
    const [script, css, template] = await Promise.all([
      bundleExplorerScript(),
      readFile(path.join(WEB_SOURCE_DIR, "explorer.css")),
      readFile(path.join(WEB_SOURCE_DIR, "index.html"), "utf8"),
    ]);
    return assemble(script, css, template);
  }
  const [script, css, template] = await Promise.all([
    readFile(path.join(WEB_BUILD_DIR, "explorer.js")),
    readFile(path.join(WEB_BUILD_DIR, "explorer.css")),
    readFile(path.join(WEB_BUILD_DIR, "index.html"), "utf8"),
  ]);
  return assemble(script, css, template);
}

/** Writes the bundle, stylesheet and page template to dist/web for deployments without src/web. */
export async function writeExplorerBuild(): Promise<string> {
  const script = await bundleExplorerScript();
  await mkdir(WEB_BUILD_DIR, { recursive: true });
  await Promise.all([
    writeFile(path.join(WEB_BUILD_DIR, "explorer.js"), script),
    writeFile(path.join(WEB_BUILD_DIR, "explorer.css"), await readFile(path.join(WEB_SOURCE_DIR, "explorer.css"))),
    writeFile(path.join(WEB_BUILD_DIR, "index.html"), await readFile(path.join(WEB_SOURCE_DIR, "index.html"))),
  ]);
  return WEB_BUILD_DIR;
}

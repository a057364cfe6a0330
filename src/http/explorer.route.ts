import { Router, type Request, type Response } from "express";
import { loadExplorerBundle, type ExplorerAsset, type ExplorerBundle } from "./explorer-bundle.js";

function send(req: Request, res: Response, file: ExplorerAsset, cacheControl: string): void {
  res.setHeader("cache-control", cacheControl);
  res.setHeader("etag", file.etag);
  res.setHeader("vary", "accept-encoding");
  if (req.headers["if-none-match"] === file.etag) {
    res.status(304).end();
    return;
  }
  res.setHeader("content-type", file.type);
  if (req.acceptsEncodings("gzip") === "gzip") {
    res.setHeader("content-encoding", "gzip");
    res.send(file.gzipped);
  } else {
    res.send(file.body);
  }
}

/**
 * GET /explore (the visual explorer page) and its script and stylesheet. The bundle is built once,
 * on the first request, and kept in memory; assets are named by content hash so they cache for a year.
 */
export function explorerRouter(): Router {
  let bundle: Promise<ExplorerBundle> | null = null;
  const current = (): Promise<ExplorerBundle> => {
    bundle ??= loadExplorerBundle().catch((error: unknown) => {
      bundle = null;
      throw error;
    });
    return bundle;
  };
  const router = Router();
  router.get("/explore", async (req, res) => send(req, res, (await current()).html, "no-cache"));
  router.get("/explore/explorer.js", async (req, res) => send(req, res, (await current()).js, "public, max-age=31536000, immutable"));
  router.get("/explore/explorer.css", async (req, res) => send(req, res, (await current()).css, "public, max-age=31536000, immutable"));
  return router;
}

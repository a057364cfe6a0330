import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "pino";
import tar from "tar-stream";
import { isAppError } from "../errors/app-errors.js";
import type { ExportFile, ExportMetadata } from "../export/export-file.js";
import { EXPORT_FORMATS, exportFiles, isExportFormat, type ExportFormat } from "../export/export-formats.js";
import { readGraphSnapshot } from "../services/graph-snapshot.service.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

/** Bytes per written chunk: big enough to be cheap, small enough to stream under backpressure. */
const CHUNK = 64 * 1024;

/** Bundle names of the formats that are more than one file. */
const BUNDLE_NAMES: Readonly<Record<ExportFormat, string>> = {
  kgx: "knowledge-graph-kgx.tar",
  csv: "knowledge-graph-neo4j-csv.tar",
  graphml: "knowledge-graph.graphml",
  cytoscape: "knowledge-graph.cyjs",
};

function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).type("application/json").send(JSON.stringify({ error: { code, message, ...extra } }));
}

function* chunks(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

function startDownload(res: Response, mediaType: string, fileName: string, meta: ExportMetadata, readFrom: string): void {
  res.status(200);
  res.setHeader("content-type", mediaType);
  res.setHeader("content-disposition", `attachment; filename="${fileName}"`);
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-export-read-from", readFrom);
  if (meta.graphVersion !== undefined) res.setHeader("x-graph-version", meta.graphVersion);
}

async function streamFile(res: Response, file: ExportFile, fileName: string, meta: ExportMetadata, readFrom: string): Promise<void> {
  startDownload(res, file.mediaType, fileName, meta, readFrom);
  await pipeline(Readable.from(chunks(file.text)), res);
}

async function streamBundle(res: Response, files: readonly ExportFile[], fileName: string, meta: ExportMetadata, readFrom: string): Promise<void> {
  startDownload(res, "application/x-tar", fileName, meta, readFrom);
  const pack = tar.pack();
  const writing = pipeline(pack, res);
  const mtime = new Date(0);
  for (const file of files) pack.entry({ name: file.name, mtime, mode: file.name.endsWith(".sh") ? 0o755 : 0o644 }, file.text);
  pack.finalize();
  await writing;
}

/**
 * GET /export/{format}: the whole graph, streamed as a download (one file, or a tar of the files of
 * a multi-file format); GET /export/{format}/{file}: one file of it. Unknown formats and files get
 * a JSON 404 with a code and the allowed names; a database that does not answer, a JSON 503.
 * With `graphVersion`, every export carries the graph version it was read at (header and metadata);
 * it is read before the graph, so a change committed meanwhile makes the export newer, never older, than it says.
 */
export function exportRouter(store: KnowledgeStore, logger: Logger, graphVersion?: () => Promise<number>): Router {
  const router = express.Router();
  const handle = async (req: Request, res: Response): Promise<void> => {
    const format = req.params["format"];
    const fileName = req.params["file"];
    if (!isExportFormat(format)) {
      sendError(res, 404, "UNKNOWN_EXPORT_FORMAT", `There is no export format "${String(format)}"`, { allowed: EXPORT_FORMATS });
      return;
    }
    let files: ExportFile[];
    let meta: ExportMetadata = {};
    try {
      if (graphVersion !== undefined) meta = { graphVersion: String(await graphVersion()) };
      files = exportFiles(format, await readGraphSnapshot(store), meta);
    } catch (error) {
      if (isAppError(error) && error.code === "SERVICE_UNAVAILABLE") {
        sendError(res, 503, "SERVICE_UNAVAILABLE", error.message);
      } else {
        logger.error({ err: error, format }, "export failed");
        sendError(res, 500, "INTERNAL_SERVER_ERROR", "The export failed");
      }
      return;
    }
    try {
      if (fileName !== undefined) {
        const file = files.find((f) => f.name === fileName);
        if (file === undefined) {
          sendError(res, 404, "UNKNOWN_EXPORT_FILE", `The ${format} export has no file "${fileName}"`, { allowed: files.map((f) => f.name) });
          return;
        }
        await streamFile(res, file, file.name, meta, store.backend);
      } else if (files.length === 1) {
        await streamFile(res, files[0]!, BUNDLE_NAMES[format], meta, store.backend);
      } else {
        await streamBundle(res, files, BUNDLE_NAMES[format], meta, store.backend);
      }
    } catch (error) {
      // The client went away mid-download; the response is already under way, so only log it.
      logger.warn({ err: error, format }, "export download interrupted");
    }
  };
  router.get("/:format", handle);
  router.get("/:format/:file", handle);
  return router;
}

import {
  ChartIdParamsSchema,
  CompareParamsSchema,
  ComparisonExportQuerySchema,
  ExportOptionsSchema,
  ImportOptionsSchema,
} from "@rolemap/contract";
import type { ExportFile } from "@rolemap/export";
import express, { type ErrorRequestHandler, type Request, type Response, Router } from "express";
import { AppError, invalidInput } from "../errors";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import { RETRY_AFTER_SECONDS } from "../interchange-pool/pool";
import type { InterchangeService } from "../services/interchange-service";

/**
 * Aborted when the client goes away before its answer is sent: its export or import is
 * stopped rather than finished for nobody.
 */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** A 429 or 503 of the pool says when to come back (only on these routes' own errors). */
const retryAfter: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof AppError && (error.code === "rate_limited" || error.code === "server_busy"))
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  next(error);
};

/**
 * POST /api/charts/import: the raw file is the body, whatever its content type (a CSV
 * upload may say text/csv, application/vnd.ms-excel or nothing), read as UTF-8 text.
 * Mounted before the API's JSON parser so a JSON file arrives as text too.
 */
export function importRouter(interchange: InterchangeService, bodyLimit: string): Router {
  const router = Router();
  router.post(
    "/charts/import",
    express.text({ type: () => true, limit: bodyLimit, defaultCharset: "utf-8" }),
    async (req: Request, res: Response) => {
      const options = parseWith(ImportOptionsSchema, req.query, "query");
      const text: unknown = req.body;
      if (typeof text !== "string" || text.trim() === "")
        throw invalidInput("the request body must be the file to import", [
          { path: "", message: "the body is empty" },
        ]);
      const gone = clientGone(res);
      const outcome = await interchange.import(principalOf(res), options, text, gone);
      if (outcome.kind === "preview") res.json(outcome.preview);
      else if (outcome.kind === "merged") res.json(outcome.chart);
      else res.status(201).location(`/api/charts/${outcome.chart.id}`).json(outcome.chart);
    },
    retryAfter,
  );
  return router;
}

/** A file to download, never cached. */
function sendFile(res: Response, file: ExportFile): void {
  res.attachment(file.filename);
  res.type(file.contentType);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", String(file.body.byteLength));
  // res.end, not res.send: send hashes the whole file for an ETag on the event loop.
  res.end(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
}

/**
 * GET /api/charts/:id/export?format=…: the whole chart as a file to download.
 * GET /api/charts/:a/compare/:b/export?format=pdf|png|svg: the comparison, for a deck.
 */
export function exportRouter(interchange: InterchangeService): Router {
  const router = Router();
  router.get(
    "/charts/:id/export",
    async (req: Request, res: Response) => {
      const { id } = parseWith(ChartIdParamsSchema, req.params, "chart id");
      const options = parseWith(ExportOptionsSchema, req.query, "query");
      sendFile(res, await interchange.export(principalOf(res), id, options, clientGone(res)));
    },
    retryAfter,
  );
  router.get(
    "/charts/:a/compare/:b/export",
    async (req: Request, res: Response) => {
      const { a, b } = parseWith(CompareParamsSchema, req.params, "chart ids");
      const { format } = parseWith(ComparisonExportQuerySchema, req.query, "query");
      const principal = principalOf(res);
      sendFile(res, await interchange.exportComparison(principal, a, b, format, clientGone(res)));
    },
    retryAfter,
  );
  return router;
}

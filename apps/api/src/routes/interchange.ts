import { ChartIdParamsSchema, ExportOptionsSchema, ImportOptionsSchema } from "@rolemap/contract";
import express, { Router } from "express";
import { invalidInput } from "../errors";
import { principalOf } from "../http/authenticate";
import { parseWith } from "../http/parse";
import type { InterchangeService } from "../services/interchange-service";

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
    async (req, res) => {
      const options = parseWith(ImportOptionsSchema, req.query, "query");
      const text: unknown = req.body;
      if (typeof text !== "string" || text.trim() === "")
        throw invalidInput("the request body must be the file to import", [
          { path: "", message: "the body is empty" },
        ]);
      const outcome = await interchange.import(principalOf(res), options, text);
      if (outcome.kind === "preview") res.json(outcome.preview);
      else if (outcome.kind === "merged") res.json(outcome.chart);
      else res.status(201).location(`/api/charts/${outcome.chart.id}`).json(outcome.chart);
    },
  );
  return router;
}

/** GET /api/charts/:id/export?format=…: the whole chart as a file to download. */
export function exportRouter(interchange: InterchangeService): Router {
  const router = Router();
  router.get("/charts/:id/export", async (req, res) => {
    const { id } = parseWith(ChartIdParamsSchema, req.params, "chart id");
    const options = parseWith(ExportOptionsSchema, req.query, "query");
    const file = await interchange.export(principalOf(res), id, options);
    res.attachment(file.filename);
    res.type(file.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
  });
  return router;
}

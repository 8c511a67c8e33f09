import { randomUUID } from "node:crypto";
import express, { type Express } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { openApiDocument } from "./openapi";
import { chartsRouter } from "./routes/charts";
import { exportRouter, importRouter } from "./routes/interchange";
import { systemRouter } from "./routes/system";
import { createChartService } from "./services/chart-service";
import type { ChartStore } from "./services/chart-store";
import { createInterchangeService } from "./services/interchange-service";

export interface AppDeps {
  store: ChartStore;
  logger: Logger;
  /** Largest JSON body accepted, e.g. "16mb". */
  bodyLimit: string;
  /** Serves the built web app from here when given. */
  webDist?: string;
}

/** Builds the whole HTTP app; `listen()` is the caller's business (see server.ts). */
export function createApp({ store, logger, bodyLimit, webDist }: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id =
          typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
    }),
  );

  const charts = createChartService(store);
  const interchange = createInterchangeService(store, charts);
  const api = express.Router();
  api.use(importRouter(interchange, bodyLimit));
  api.use(express.json({ limit: bodyLimit, type: ["application/json", "application/*+json"] }));
  api.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(systemRouter(charts, store));
  api.use(exportRouter(interchange));
  api.use("/charts", chartsRouter(charts));
  api.use(notFoundHandler);
  app.use("/api", api);

  if (webDist !== undefined) {
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/charts/:id) get the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile("index.html", { root: webDist, maxAge: 0 });
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

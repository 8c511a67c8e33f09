import type { ErrorRequestHandler, RequestHandler } from "express";
import {
  databaseUnavailable,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from "../db/database-outage";
import { AppError } from "../errors";

/**
 * Errors that a client caused, raised inside Express: body-parser's carry a `type`; the
 * router's (a malformed %-escape in the path) a 4xx `status`.
 */
function fromClient(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  switch ("type" in error ? error.type : undefined) {
    case "entity.parse.failed":
      return new AppError(
        "malformed_json",
        `request body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}`,
      );
    case "entity.too.large":
      return new AppError(
        "payload_too_large",
        `request body is larger than the limit of ${"limit" in error ? `${error.limit} bytes` : "the server"}`,
      );
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError("unsupported_media_type", "request body encoding is not supported");
    default:
      break;
  }
  // Their messages are not ours (they may quote internals), so a generic one is sent.
  const status = "status" in error ? error.status : undefined;
  if (typeof status === "number" && status >= 400 && status < 500)
    return new AppError("invalid_input", "the request is malformed", [
      { path: "", message: `the server could not read this request (HTTP ${status})` },
    ]);
  return undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `no route for ${req.method} ${req.path}`));
};

/**
 * The one error body shape; a 500 is logged with its stack and never leaks it. A database
 * that cannot serve now is a 503 with Retry-After (logged as a warning), never a 500.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  let known = error instanceof AppError ? error : fromClient(error);
  if (known === undefined && isDatabaseUnavailable(error)) {
    req.log.warn({ err: error }, "the database is not answering");
    known = databaseUnavailable();
  }
  if (known !== undefined) {
    if (known.code === "database_unavailable")
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    res.status(known.status).json(known.toBody());
    return;
  }
  req.log.error({ err: error }, "unhandled error");
  const internal = new AppError(
    "internal",
    "something went wrong on the server; it has been logged",
  );
  res.status(500).json(internal.toBody());
};

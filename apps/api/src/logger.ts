import pino, { type Logger } from "pino";

/** Structured JSON logs; request logs carry the request id (see app.ts). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "rolemap-api" } });
}

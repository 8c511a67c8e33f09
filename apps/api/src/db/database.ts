import type { DatabaseKind } from "@rolemap/contract";
import type { PrismaClient } from "../generated/prisma/client.js";
import { openEmbedded } from "./embedded";
import { openPostgres } from "./postgres";
import type { PostgresLimits } from "./postgres-limits";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string; limits?: PostgresLimits }
  /** `dataDir` undefined keeps the embedded database in memory (tests). */
  | { kind: "embedded"; dataDir: string | undefined };

/** Opens the configured database and brings its schema up to date. */
export function openDatabase(
  config: DatabaseConfig,
  warn: (message: string) => void,
): Promise<Database> {
  return config.kind === "postgres"
    ? openPostgres(config.url, warn, config.limits)
    : openEmbedded(config.dataDir, warn);
}

/**
 * Prisma's defaults (2 s to start, 5 s to run) fail large charts with a 500: writing a
 * 20,000-role chart takes tens of seconds, and writers of one chart queue on its row lock
 * (on the embedded database, behind every other transaction).
 */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

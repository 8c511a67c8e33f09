import type { HealthResponse } from "@rolemap/contract";
import type { ChartStore } from "../services/chart-store";

/**
 * How long the health check waits for the database: a frozen or unreachable server is
 * reported within this, well inside a load balancer's or orchestrator's own deadline.
 */
export const HEALTH_DEADLINE_MS = 2_000;

/** The database's answer time in ms (0.1 ms steps), or the failure that stood in for one. */
async function probe(
  store: ChartStore,
  deadlineMs: number,
): Promise<{ latencyMs: number } | { failure: unknown }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    // A ping that fails after the deadline is still handled: race subscribed to it.
    await Promise.race([store.ping(), late]);
    return { latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (failure) {
    return { failure };
  } finally {
    clearTimeout(timer);
  }
}

/** The health answer: `ok`, or `degraded` (with what failed) when the database did not answer. */
export async function databaseHealth(
  store: ChartStore,
  deadlineMs = HEALTH_DEADLINE_MS,
): Promise<{ body: HealthResponse; failure?: unknown }> {
  const result = await probe(store, deadlineMs);
  if ("latencyMs" in result)
    return {
      body: {
        status: "ok",
        database: store.kind,
        databaseReachable: true,
        databaseLatencyMs: result.latencyMs,
      },
    };
  return {
    body: {
      status: "degraded",
      database: store.kind,
      databaseReachable: false,
      databaseLatencyMs: null,
    },
    failure: result.failure,
  };
}

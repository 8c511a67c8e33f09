import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import { type BusEvent, BusEventSchema, type ChangeBus } from "./bus";

const CHANNEL = "rolemap_live";
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7900;

/**
 * How this process's bus connections are named in `pg_stat_activity` (with the process id,
 * so an operator, or a test, can tell the processes' listeners apart).
 */
export const LISTEN_APPLICATION = "rolemap-live-listen";
export const NOTIFY_APPLICATION = "rolemap-live-notify";
/** TCP keep-alive on the listening connection: a silently dropped one is noticed in minutes, not hours. */
const KEEP_ALIVE_MS = 10_000;

/** The payload on the wire: the sending process and its event. */
interface Envelope {
  o: string;
  e: BusEvent;
}

/** Keeps a presence under PostgreSQL's payload limit by dropping what does not fit. */
function fit(event: BusEvent): string | undefined {
  let text = JSON.stringify(event);
  if (text.length <= MAX_PAYLOAD) return text;
  if (event.type !== "presence") return undefined;
  const { selection: _, ...rest } = event.presence;
  text = JSON.stringify({ ...event, presence: rest });
  return text.length <= MAX_PAYLOAD ? text : undefined;
}

/**
 * The bus between API processes sharing one PostgreSQL server: LISTEN on one dedicated
 * connection, NOTIFY through another (one connection, so this process's events keep their
 * order). A lost listening connection is re-opened with back-off; then `onReconnect`
 * handlers run, because notifications sent meanwhile are gone. The connections are named
 * `rolemap-live-listen <pid>` and `rolemap-live-notify <pid>` (unless the URL names them).
 */
export async function createPostgresBus(url: string, logger: Logger): Promise<ChangeBus> {
  const origin = randomUUID();
  const handlers: ((event: BusEvent) => void)[] = [];
  const reconnectHandlers: (() => void)[] = [];
  const publisher = new pg.Pool({
    connectionString: url,
    max: 1,
    application_name: `${NOTIFY_APPLICATION} ${process.pid}`,
  });
  publisher.on("error", (error) => logger.warn({ err: error }, "live bus: publisher error"));
  let listener: pg.Client | undefined;
  let closed = false;
  let retryMs = 250;

  const receive = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || message.payload === undefined) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message.payload) as Envelope;
    } catch {
      return;
    }
    if (envelope.o === origin) return;
    const parsed = BusEventSchema.safeParse(envelope.e);
    if (!parsed.success) return logger.warn({ payload: message.payload }, "live bus: bad event");
    for (const handler of handlers) handler(parsed.data);
  };

  const listen = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: url,
      application_name: `${LISTEN_APPLICATION} ${process.pid}`,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEP_ALIVE_MS,
    });
    client.on("notification", receive);
    client.on("error", (error) => {
      // Only the connection in use is worth a warning; a failed attempt is reported below.
      if (client === listener) logger.warn({ err: error }, "live bus: listening connection failed");
      client.removeAllListeners("end");
      void client.end().catch(() => undefined);
      reconnect(client);
    });
    client.on("end", () => reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      void client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
  };

  /** `lost` ended: when it was the connection in use, listen again (once). */
  const reconnect = (lost: pg.Client) => {
    if (closed || listener !== lost) return;
    listener = undefined;
    const attempt = () => {
      if (closed) return;
      listen().then(
        () => {
          if (closed) return;
          retryMs = 250;
          logger.info("live bus: listening again");
          for (const handler of reconnectHandlers) handler();
        },
        (error: unknown) => {
          logger.warn({ err: error, retryMs }, "live bus: could not listen; retrying");
          retryMs = Math.min(retryMs * 2, 5000);
          setTimeout(attempt, retryMs).unref();
        },
      );
    };
    setTimeout(attempt, retryMs).unref();
  };

  await listen();

  return {
    publish(event) {
      if (closed) return;
      const text = fit(event);
      if (text === undefined)
        return logger.warn(
          { type: event.type },
          "live bus: an event too large to send was dropped",
        );
      const payload = `{"o":${JSON.stringify(origin)},"e":${text}}`;
      publisher
        .query("SELECT pg_notify($1, $2)", [CHANNEL, payload])
        .catch((error: unknown) => logger.warn({ err: error }, "live bus: could not notify"));
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    onReconnect(handler) {
      reconnectHandlers.push(handler);
    },
    async close() {
      closed = true;
      const client = listener;
      listener = undefined;
      client?.removeAllListeners("end");
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}

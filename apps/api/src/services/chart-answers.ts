import type { AccessLevel } from "@rolemap/contract";
import type { StoredChart } from "./chart-store";

/**
 * The bytes of GET /api/charts/:id, serialised once per chart version rather than for every
 * request (a 1,000-role chart is ~430 KiB of JSON: stringifying and encoding it was most of
 * a GET's time). Keyed by chart id and version, so a write — every write bumps the
 * version — makes the next GET serialise again; nothing here decides who may read: the
 * service's gate runs first on every request. The answer is the chart record
 * `{"id","version","updatedAt","document","access"}`: the same bytes `res.json` gave, with
 * the principal's level appended per request. A scenario's record also names its original
 * and base version (`scenarioOf`, `baseVersion`), which a promote changes without a new
 * version: they are part of what the bytes are kept by.
 */
export interface ChartAnswer {
  /** Strong: the version and the level name the bytes exactly. */
  etag: string;
  /** Everything up to the document's closing brace, shared by every reader of the version. */
  head: Buffer;
  /** `,"access":"…"}`. */
  tail: Buffer;
}

interface Held {
  version: number;
  /** The version and, for a scenario, its link: what the bytes were made from. */
  stamp: string;
  head: Buffer;
}

const stampOf = ({ version, scenario }: StoredChart) =>
  scenario === undefined ? `${version}` : `${version}.${scenario.baseVersion}.${scenario.of}`;

const TAILS = new Map<AccessLevel, Buffer>(
  (["view", "comment", "edit", "owner"] as const).map((level) => [
    level,
    Buffer.from(`,"access":${JSON.stringify(level)}}`),
  ]),
);

/** Serialises a stored chart's record without its access (the caller's) and closing brace. */
function headOf(chart: StoredChart): Buffer {
  const { scenario } = chart;
  const json = JSON.stringify({
    id: chart.id,
    version: chart.version,
    updatedAt: chart.updatedAt.toISOString(),
    ...(scenario && { scenarioOf: scenario.of, baseVersion: scenario.baseVersion }),
    document: chart.document,
  });
  return Buffer.from(json.slice(0, -1));
}

/** At most `maxBytes` of answers (least recently used first out), each chart's latest. */
export function createAnswerCache(maxBytes: number) {
  const held = new Map<string, Held>();
  let bytes = 0;

  const drop = (id: string) => {
    const entry = held.get(id);
    if (entry === undefined) return;
    bytes -= entry.head.length;
    held.delete(id);
  };

  return {
    answer(chart: StoredChart, level: AccessLevel): ChartAnswer {
      let entry = held.get(chart.id);
      const stamp = stampOf(chart);
      if (entry?.stamp === stamp) {
        // Map order is the recency order.
        held.delete(chart.id);
        held.set(chart.id, entry);
      } else {
        const current = entry;
        entry = { version: chart.version, stamp, head: headOf(chart) };
        // A slow reader of an older version does not replace a newer one.
        if (current === undefined || current.version <= chart.version) {
          drop(chart.id);
          held.set(chart.id, entry);
          bytes += entry.head.length;
          for (const oldest of held.keys()) {
            if (bytes <= maxBytes || oldest === chart.id) break;
            drop(oldest);
          }
        }
      }
      return {
        etag: `"${stamp}-${level}"`,
        head: entry.head,
        tail: TAILS.get(level) as Buffer,
      };
    },

    forget: drop,

    /** What is held, for tests. */
    size: () => ({ charts: held.size, bytes }),
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;

import { availableParallelism, cpus } from "node:os";
import { type ExportOptions, ExportOptionsSchema } from "@rolemap/contract";
import { renderChartSvg } from "@rolemap/render";
import { PNG } from "pngjs";
import { generateChart } from "../../domain/bench/generate-chart";
import { exportChart } from "../src/index";

/**
 * Times exportChart on a generated 1,000-role chart (the domain benchmark's generator:
 * one solid tree, spans 3–8, 5% dotted lines, 2% vacant) to PNG at the default scale and
 * to PDF, tiled on A4 and fitted on one page. Run with `npm run bench -w @rolemap/export`.
 * One warm-up run, then RUNS timed runs of each (the whole run stays well under a minute on
 * two cores); prints min and max in ms.
 */

const ROLES = 1_000;
const RUNS = 2;
const document = generateChart({
  roles: ROLES,
  responsibilities: 200,
  assignments: 2_000,
  seed: 20_240_601,
});

interface Case {
  what: string;
  options: ExportOptions;
  describe(body: Uint8Array): Promise<string>;
}

/** pdfkit writes page objects uncompressed: counting them needs no PDF parser. */
const pdfPages = async (body: Uint8Array) => {
  const count =
    Buffer.from(body)
      .toString("latin1")
      .match(/\/Type \/Page\b/g)?.length ?? 0;
  return `${count} page${count === 1 ? "" : "s"}`;
};

const CASES: Case[] = [
  {
    what: "PNG, scale 2",
    options: ExportOptionsSchema.parse({ format: "png" }),
    describe: async (body) => {
      const png = PNG.sync.read(Buffer.from(body));
      return `${png.width} × ${png.height} px`;
    },
  },
  {
    what: "PDF, A4, pages",
    options: ExportOptionsSchema.parse({ format: "pdf", page: "a4", fit: "pages" }),
    describe: pdfPages,
  },
  {
    what: "PDF, A4, one page",
    options: ExportOptionsSchema.parse({ format: "pdf", page: "a4", fit: "one-page" }),
    describe: pdfPages,
  },
];

const ms = (value: number) => value.toFixed(0).padStart(6);
const rendered = renderChartSvg(document);
console.log(
  `exportChart: ${ROLES} roles, ${document.reportingLines.length} lines, ` +
    `${document.responsibilities.length} responsibilities; chart ${rendered.width} × ${rendered.height} units; ` +
    `1 warm-up + ${RUNS} timed runs; Node ${process.version}, ` +
    `${availableParallelism()} × ${cpus()[0]?.model ?? "unknown CPU"}`,
);
console.log("| export            | min (ms) | max (ms) | size (KB) | output |");
console.log("| ----------------- | -------: | -------: | --------: | ------ |");
for (const { what, options, describe } of CASES) {
  let body = (await exportChart(document, options)).body;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    body = (await exportChart(document, options)).body;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${what.padEnd(17)} | ${ms(times[0] ?? NaN).padStart(8)} | ${ms(times.at(-1) ?? NaN).padStart(8)} | ${String(Math.round(body.length / 1024)).padStart(9)} | ${await describe(body)} |`,
  );
}

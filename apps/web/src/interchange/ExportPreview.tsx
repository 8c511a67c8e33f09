import type { ChartDocument, ExportOptions } from "@rolemap/contract";
import { renderChartSvg } from "@rolemap/render";
import { useMemo } from "react";
import { useObjectUrl } from "../lib/use-object-url";
import styles from "./ExportDialog.module.css";
import { exportFormatInfo, FIT_LABELS, PAGE_LABELS, pngPixelSize } from "./export-formats";
import { MatrixSample } from "./MatrixSample";

const number = new Intl.NumberFormat("en");
const plural = (count: number, one: string, many = `${one}s`) =>
  `${number.format(count)} ${count === 1 ? one : many}`;

type Rendered = { ok: true; svg: string; width: number; height: number } | { ok: false };

/**
 * What the file will hold, drawn in the browser from the editor's document by the same
 * renderer the API exports with: the whole chart for the picture formats (and JSON), the
 * first rows of the matrix for CSV and Excel.
 */
export function ExportPreview({
  document,
  options,
}: {
  document: ChartDocument;
  options: ExportOptions;
}) {
  const info = exportFormatInfo(options.format);
  const rendered = useMemo<Rendered>(() => {
    try {
      const { svg, width, height } = renderChartSvg(document, { findings: options.findings });
      return { ok: true, svg, width, height };
    } catch {
      return { ok: false };
    }
  }, [document, options.findings]);
  const isMatrix = options.format === "csv" || options.format === "xlsx";

  return (
    <section className={styles.preview} aria-labelledby="export-preview-heading">
      <h3 id="export-preview-heading" className={styles.previewHeading}>
        Preview
      </h3>
      {isMatrix ? (
        <MatrixSample document={document} />
      ) : (
        <ChartPicture rendered={rendered} name={document.name} roles={document.roles.length} />
      )}
      <p className={styles.summary} data-testid="export-summary">
        {describeFile(document, options, rendered)}
        {!info.isPicture && !isMatrix && " The picture shows the chart the document describes."}
      </p>
    </section>
  );
}

function ChartPicture({
  rendered,
  name,
  roles,
}: {
  rendered: Rendered;
  name: string;
  roles: number;
}) {
  const url = useObjectUrl(rendered.ok ? rendered.svg : null, "image/svg+xml");
  if (!rendered.ok)
    return (
      <p className={`${styles.frame} ${styles.frameMessage}`} role="alert">
        The preview could not be drawn. The download is made on the server and may still work.
      </p>
    );
  return (
    <div className={styles.frame} aria-busy={url === null}>
      {url !== null && (
        <img
          className={styles.picture}
          src={url}
          alt={`The whole chart “${name}”, ${plural(roles, "role")}`}
          data-testid="export-preview-image"
        />
      )}
    </div>
  );
}

/** One sentence on what the chosen format will contain. */
function describeFile(document: ChartDocument, options: ExportOptions, rendered: Rendered) {
  const roles = plural(document.roles.length, "role");
  const responsibilities = plural(
    document.responsibilities.length,
    "responsibility",
    "responsibilities",
  );
  const findings = options.findings ? ", with finding badges and a list of the findings" : "";
  const size = rendered.ok
    ? `${number.format(rendered.width)} × ${number.format(rendered.height)}`
    : "";
  switch (options.format) {
    case "svg":
      return `The whole chart, ${roles}${findings}: ${size} at full size, sharp at any zoom.`;
    case "png": {
      if (!rendered.ok) return `The whole chart, ${roles}${findings}, at ${options.scale}×.`;
      const px = pngPixelSize(rendered.width, rendered.height, options.scale);
      const reduced = px.isReduced
        ? " (reduced from the scale asked: PNGs stop at 32,767 pixels a side and 64 megapixels)"
        : "";
      return `The whole chart, ${roles}${findings}: ${number.format(px.width)} × ${number.format(px.height)} pixels${reduced}.`;
    }
    case "pdf":
      return `The whole chart, ${roles}${findings}, on landscape ${PAGE_LABELS[options.page]}: ${FIT_LABELS[options.fit].hint}`;
    case "pptx":
      return `A widescreen deck: the whole chart${options.findings ? " with its finding badges" : ""}, a slide per branch of up to 40 roles, then the matrix (${responsibilities} × ${roles})${options.findings ? " and the findings" : ""}.`;
    case "json":
      return `The chart document: ${roles}, ${plural(document.reportingLines.length, "reporting line")}, ${responsibilities}, ${plural(document.assignments.length, "assignment")}.`;
    case "csv":
      return `${responsibilities} × ${roles}, one row per responsibility, codes as "A/R".`;
    case "xlsx":
      return `${responsibilities} × ${roles} with coloured codes, a legend sheet${options.findings ? " and a findings sheet" : ""}.`;
  }
}

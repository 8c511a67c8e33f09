import { type ExportOptions, PAGE_SIZES, PDF_FITS } from "@rolemap/contract";
import styles from "./ExportDialog.module.css";
import {
  EXPORT_FORMAT_INFO,
  exportFormatInfo,
  FIT_LABELS,
  PAGE_LABELS,
  PNG_SCALES,
} from "./export-formats";

const SCALE_HINTS: Record<(typeof PNG_SCALES)[number], string> = {
  1: "screen size",
  2: "sharp on most screens",
  3: "for large slides",
  4: "for print",
};

/** The format and the options that apply to it; the others are not shown. */
export function ExportSettings({
  options,
  onChange,
}: {
  options: ExportOptions;
  onChange(options: ExportOptions): void;
}) {
  const info = exportFormatInfo(options.format);
  const set = (changes: Partial<ExportOptions>) => onChange({ ...options, ...changes });

  return (
    <div className={styles.settings}>
      <fieldset className={styles.group}>
        <legend className="field-label">Format</legend>
        <div className={styles.formats}>
          {EXPORT_FORMAT_INFO.map(({ format, label }) => (
            <label key={format} className={styles.choice} data-testid={`export-format-${format}`}>
              <input
                type="radio"
                name="export-format"
                value={format}
                checked={options.format === format}
                onChange={() => set({ format })}
                aria-describedby="export-format-description"
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        <p id="export-format-description" className={styles.hint}>
          {info.description}
        </p>
      </fieldset>

      {options.format === "png" && (
        <fieldset className={styles.group} data-testid="export-scale">
          <legend className="field-label">Resolution</legend>
          <div className={styles.segments}>
            {PNG_SCALES.map((scale) => (
              <label key={scale} className={styles.choice}>
                <input
                  type="radio"
                  name="export-scale"
                  value={scale}
                  checked={options.scale === scale}
                  onChange={() => set({ scale })}
                />
                <span>{scale}×</span>
              </label>
            ))}
          </div>
          <p className={styles.hint}>
            {options.scale}× is {SCALE_HINTS[options.scale as (typeof PNG_SCALES)[number]]}.
          </p>
        </fieldset>
      )}

      {options.format === "pdf" && (
        <>
          <fieldset className={styles.group} data-testid="export-page">
            <legend className="field-label">Paper (landscape)</legend>
            <div className={styles.segments}>
              {PAGE_SIZES.map((page) => (
                <label key={page} className={styles.choice}>
                  <input
                    type="radio"
                    name="export-page"
                    value={page}
                    checked={options.page === page}
                    onChange={() => set({ page })}
                  />
                  <span>{PAGE_LABELS[page]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className={styles.group} data-testid="export-fit">
            <legend className="field-label">Large charts</legend>
            <div className={styles.stack}>
              {PDF_FITS.map((fit) => (
                <label key={fit} className={`${styles.choice} ${styles.wideChoice}`}>
                  <input
                    type="radio"
                    name="export-fit"
                    value={fit}
                    checked={options.fit === fit}
                    onChange={() => set({ fit })}
                  />
                  <span className={styles.choiceText}>
                    <span>{FIT_LABELS[fit].label}</span>
                    <span className={styles.choiceHint}>{FIT_LABELS[fit].hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}

      {info.usesFindings && (
        <label className={`${styles.choice} ${styles.wideChoice}`} data-testid="export-findings">
          <input
            type="checkbox"
            checked={options.findings}
            onChange={(event) => set({ findings: event.target.checked })}
          />
          <span className={styles.choiceText}>
            <span>Show findings</span>
            <span className={styles.choiceHint}>
              {options.format === "xlsx"
                ? "Adds a Findings sheet."
                : options.format === "pptx"
                  ? "Badges on the cards."
                  : "Badges on the cards and a list of the findings."}
            </span>
          </span>
        </label>
      )}
    </div>
  );
}
